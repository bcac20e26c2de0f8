using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Storage;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>why FROM TO</c>: the shortest path by which FROM uses TO (or TO uses FROM), and for every edge
/// on it the documents that assert it — "why do we believe this image contains log4j?".
/// </summary>
internal sealed class WhyCommand : ICommand
{
    public string Name => "why";

    public string Usage => "why FROM TO [--as-of DATE] [--json]   (FROM, TO: purl or digest)";

    public string[] ValueOptions => [AsOf.Option];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count != 2)
        {
            throw new UsageException("why takes two targets, FROM and TO: package URLs or digests");
        }

        using var store = context.OpenStore(args);
        var index = CliContext.LoadIndex(store, args);
        var from = Resolve(index, args.Positionals[0]);
        var to = Resolve(index, args.Positionals[1]);
        var result = PathQuery.Find(index, from.Nodes, to.Nodes);
        var provenance = result.Path is null ? [] : Provenance(store, index, result.Path);
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json => WriteJson(json, index, from, to, result, provenance));
        }
        else
        {
            WriteText(context.Console, index, from, to, result, provenance);
        }

        return 0;
    }

    private static ResolvedTarget Resolve(GraphIndex index, string text)
    {
        var target = TargetResolver.Resolve(index, text);
        return target.Error is null ? target : throw new UsageException(target.Error);
    }

    /// <summary>For each step with an edge, the documents asserting that edge (oldest first).</summary>
    private static Dictionary<int, IReadOnlyList<DocumentSummary>> Provenance(IGraphStore store, GraphIndex index, IReadOnlyList<PathStep> path)
    {
        var documents = new Dictionary<int, IReadOnlyList<DocumentSummary>>();
        for (var i = 1; i < path.Count; i++)
        {
            var (previous, step) = (index.RefOf(path[i - 1].Node), index.RefOf(path[i].Node));
            var (edgeFrom, edgeTo) = path[i].Forward ? (previous, step) : (step, previous);
            documents[i] = store.GetEdgeDocuments(path[i].Edge!.Value, edgeFrom, edgeTo);
        }

        return documents;
    }

    private static void WriteJson(Utf8JsonWriter json, GraphIndex index, ResolvedTarget from, ResolvedTarget to, PathQuery.Result result, Dictionary<int, IReadOnlyList<DocumentSummary>> provenance)
    {
        json.WriteStartObject();
        json.WriteString("from", from.Query);
        json.WriteString("to", to.Query);
        json.WriteBoolean("found", result.Path is not null);
        if (result.Path is { } path)
        {
            // "reversed": no path from FROM to TO exists, and this one leads from TO to FROM instead.
            json.WriteBoolean("reversed", result.Reversed);
            json.WriteNumber("length", path.Count - 1);
            ClosureJson.WritePath(json, index, path, (i, _) =>
            {
                json.WriteStartArray("documents");
                foreach (var document in provenance[i])
                {
                    DocumentJson.Write(json, document);
                }

                json.WriteEndArray();
            });
        }

        json.WriteEndObject();
    }

    private static void WriteText(IAnsiConsole console, GraphIndex index, ResolvedTarget from, ResolvedTarget to, PathQuery.Result result, Dictionary<int, IReadOnlyList<DocumentSummary>> provenance)
    {
        if (result.Path is not { } path)
        {
            var unknown = from.Nodes.Count == 0 ? from.Query : to.Nodes.Count == 0 ? to.Query : null;
            if (unknown is null)
            {
                console.MarkupLineInterpolated($"[yellow]No path[/] between {from.Query} and {to.Query} over DEPENDS_ON, CONTAINS, OCCURS_AS, BASED_ON, RUNS.");
            }
            else
            {
                console.MarkupLineInterpolated($"[yellow]Nothing in the graph matches[/] {unknown}");
            }

            return;
        }

        if (result.Reversed)
        {
            console.MarkupLineInterpolated($"{from.Query} does not use {to.Query}; it is used by it:");
        }

        console.WriteLine(Label(index, path[0].Node));
        for (var i = 1; i < path.Count; i++)
        {
            var step = path[i];
            var arrow = step.Forward ? $"  -{step.Edge!.Value.ToWireName()}->" : $"  <-{step.Edge!.Value.ToWireName()}-";
            console.WriteLine($"{arrow} {Label(index, step.Node)}");
            foreach (var document in provenance[i])
            {
                var state = document.IsCurrent ? string.Empty : " [superseded]";
                console.WriteLine($"        asserted by {document.Format} \"{document.Name}\" sha256:{document.Sha256[..12]}… ingested {document.IngestedAt.ToString("u", CultureInfo.InvariantCulture)}{state}");
            }
        }
    }

    private static string Label(GraphIndex index, int node) =>
        index.NameOf(node) is { } name && name != index.KeyOf(node) ? $"{index.KeyOf(node)} ({name})" : index.KeyOf(node);
}
