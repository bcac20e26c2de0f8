using System.Globalization;
using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Storage;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>keys create --role reader|ingester|admin [--name N]</c> (prints the key once: only its SHA-256 is
/// stored), <c>keys list</c>, <c>keys revoke ID</c>.
/// </summary>
internal sealed class KeysCommand : ICommand
{
    public string Name => "keys";

    public string Usage => "keys create --role reader|ingester|admin [--name N] | keys list [--json] | keys revoke ID";

    public string[] ValueOptions => ["--role", "--name"];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        var verb = args.Positionals.FirstOrDefault() ?? throw new UsageException("keys needs create, list or revoke");
        using var store = context.OpenStore(args);
        var keys = store as IApiKeyStore ?? throw new InvalidOperationException("this store keeps no API keys");
        return verb switch
        {
            "create" => Create(args, context, keys),
            "list" => List(args, context, keys),
            "revoke" => Revoke(args, context, keys),
            _ => throw new UsageException($"unknown keys command '{verb}'; use create, list or revoke"),
        };
    }

    private static int Create(CommandArgs args, CliContext context, IApiKeyStore keys)
    {
        var roleText = args.Value("--role") ?? throw new UsageException("keys create needs --role reader|ingester|admin");
        if (!Enum.TryParse<ApiKeyRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role) || char.IsDigit(roleText[0]))
        {
            throw new UsageException($"--role must be reader, ingester or admin, not '{roleText}'");
        }

        var key = ApiKeys.Generate();
        var record = keys.CreateApiKey(args.Value("--name") ?? $"{roleText.ToLowerInvariant()} key", role, ApiKeys.Hash(key));
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json =>
            {
                json.WriteStartObject();
                WriteKeyFields(json, record);
                json.WriteString("key", key);
                json.WriteEndObject();
            });
            return 0;
        }

        context.Out.WriteLine(key);
        context.Console.MarkupLineInterpolated($"[grey]key {record.Id} '{record.Name}' ({Role(record)}) created. This is the only time the key is shown; only its SHA-256 is stored.[/]");
        return 0;
    }

    private static int List(CommandArgs args, CliContext context, IApiKeyStore keys)
    {
        var all = keys.ListApiKeys();
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json =>
            {
                json.WriteStartArray();
                foreach (var record in all)
                {
                    json.WriteStartObject();
                    WriteKeyFields(json, record);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
            return 0;
        }

        var table = new Table().AddColumns("Id", "Name", "Role", "Created", "Revoked");
        foreach (var record in all)
        {
            table.AddRow(
                record.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(record.Name),
                Role(record),
                record.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                record.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty);
        }

        context.Console.Write(table);
        return 0;
    }

    private static int Revoke(CommandArgs args, CliContext context, IApiKeyStore keys)
    {
        if (args.Positionals.Count != 2 || !long.TryParse(args.Positionals[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new UsageException("keys revoke takes the key's id (see keys list)");
        }

        if (!keys.RevokeApiKey(id))
        {
            context.Out.WriteLine($"no active key with id {id}");
            return 1;
        }

        context.Out.WriteLine($"key {id} revoked");
        return 0;
    }

    private static string Role(ApiKeyRecord record) => record.Role.ToString().ToLowerInvariant();

    private static void WriteKeyFields(System.Text.Json.Utf8JsonWriter json, ApiKeyRecord record)
    {
        json.WriteNumber("id", record.Id);
        json.WriteString("name", record.Name);
        json.WriteString("role", Role(record));
        json.WriteString("createdAt", record.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        if (record.RevokedAt is { } revoked)
        {
            json.WriteString("revokedAt", revoked.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("revokedAt");
        }
    }
}
