using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries.Images;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>image DIGEST|REF</c>: what an image contains (direct and transitive), its base image chain, where it
/// runs, its vulnerabilities after VEX, and how it was built.
/// </summary>
internal sealed class ImageCommand : ICommand
{
    public string Name => "image";

    public string Usage => "image DIGEST|REF [--as-of DATE] [--json]   (REF: registry/repository:tag or repository@sha256:…)";

    public string[] ValueOptions => [AsOf.Option];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("image takes one image: a digest or a reference (registry/repository:tag)");
        }

        using var store = context.OpenStore(args);
        var index = CliContext.LoadIndex(store, args);
        var matches = ImageResolver.Resolve(index, args.Positionals[0]);
        if (matches.Count == 0)
        {
            context.Console.WriteLine($"No image in the graph matches {args.Positionals[0]}");
            return 1;
        }

        if (matches.Count > 1 && !args.Has("--json"))
        {
            context.Console.WriteLine($"{args.Positionals[0]} names {matches.Count} images (the tag moved); showing each:");
        }

        var catalog = AdvisoryCatalog.Load(store, index, AsOf.Parse(args));
        var reports = matches.Select(m => ImageQuery.Run(index, catalog, m)).ToList();
        var nodes = reports.SelectMany(r => Enumerable.Range(0, r.RunsIn.Count).Select(r.RunsIn.NodeAt))
            .Concat(reports.SelectMany(r => r.Vulnerabilities.SelectMany(v => v.Aliases).Select(a => index.TryFind(NodeKind.Vulnerability, a, out var n) ? n : -1)))
            .Where(n => n >= 0)
            .Select(index.RefOf)
            .Distinct()
            .ToList();
        var properties = store.GetNodeProperties(nodes);
        var documents = store.ListDocuments().ToDictionary(d => d.Id);
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json => ImageJson.Write(json, index, reports, properties, documents));
        }
        else
        {
            foreach (var report in reports)
            {
                ImageText.Write(context.Console, index, report, properties);
            }
        }

        return 0;
    }
}
