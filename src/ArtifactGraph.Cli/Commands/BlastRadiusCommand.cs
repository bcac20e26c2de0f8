using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>blast-radius --vuln ID | --purl PURL [--range VERS] | --digest DIGEST</c>: what an advisory (or a bad
/// package) reaches — affected package versions, products, images and ranked deployments, each with one
/// shortest explanation path whose edges name their documents — after VEX unless --ignore-vex.
/// The text lists at most --limit rows per table (<see cref="RowLimit"/>): the most urgent deployments, the
/// nearest images and packages.
/// </summary>
internal sealed class BlastRadiusCommand : ICommand
{
    public string Name => "blast-radius";

    public string Usage => "blast-radius --vuln ID | --purl PURL [--range VERS] | --digest DIGEST [--ignore-vex] [--max-depth N] [--environments a,b] [--limit N] [--as-of DATE] [--json]";

    public string[] ValueOptions => ["--vuln", "--purl", "--range", "--digest", "--max-depth", "--environments", RowLimit.Option, AsOf.Option];

    public string[] FlagOptions => ["--ignore-vex"];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count != 0)
        {
            throw new UsageException("blast-radius takes its target as --vuln ID, --purl PURL or --digest DIGEST");
        }

        var depth = args.IntValue("--max-depth");
        if (depth is < 1)
        {
            throw new UsageException("--max-depth must be at least 1");
        }

        var limit = RowLimit.Parse(args);
        var request = new BlastRadiusRequest
        {
            Vulnerability = args.Value("--vuln"),
            Purl = args.Value("--purl"),
            Range = args.Value("--range"),
            Digest = args.Value("--digest"),
            IgnoreVex = args.Has("--ignore-vex"),
            MaxDepth = depth,
        };
        if (args.Value("--environments") is { } environments)
        {
            request = request with { EnvironmentOrder = environments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
        }

        if (request.Range is not null && request.Purl is null)
        {
            throw new UsageException("--range narrows --purl; give a purl too");
        }

        using var store = context.OpenStore(args);
        var asOf = AsOf.Parse(args);
        var index = CliContext.LoadIndex(store, args);
        var catalog = AdvisoryCatalog.Load(store, index, asOf);
        var result = BlastRadiusQuery.Run(index, catalog, store, request);
        if (result.Error is not null)
        {
            throw new UsageException(result.Error);
        }

        var documents = store.ListDocuments().ToDictionary(d => d.Id);
        var provenance = new EdgeProvenance(store, index);
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json => BlastRadiusJson.Write(json, index, result, documents, provenance));
        }
        else
        {
            BlastRadiusText.Write(context.Console, index, result, documents, provenance, limit);
        }

        return 0;
    }
}
