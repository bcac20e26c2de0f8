using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Migrations;

/// <summary>One embedded schema script, graph-schema/sql/sqlite/NNN_name.sql; NNN is its version.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Code run after the script, in its transaction, for what SQL cannot do (e.g. 005's id lists).</summary>
    public Action<SqliteConnection, SqliteTransaction>? Step { get; init; }

    private const string ResourcePrefix = "ArtifactGraph.Storage.Sqlite.Migrations.";

    /// <summary>The embedded scripts in file-name order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n))
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two embedded migrations share version {duplicate.Key}.");
        }

        return migrations;
    }

    private static Action<SqliteConnection, SqliteTransaction>? StepFor(int version) => version switch
    {
        5 => DocumentRowsBackfill.Run,
        _ => null,
    };

    private static Migration Read(Assembly assembly, string resourceName)
    {
        var fileName = resourceName[ResourcePrefix.Length..];
        var digits = fileName.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0)
        {
            throw new InvalidOperationException($"Migration '{fileName}' does not start with a version number.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        var version = int.Parse(fileName.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        return new Migration(version, fileName, reader.ReadToEnd()) { Step = StepFor(version) };
    }
}
