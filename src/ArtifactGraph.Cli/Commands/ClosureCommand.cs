using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>dependents PURL|DIGEST</c> (reverse closure: everything that reaches the target) and
/// <c>deps PURL|DIGEST [--depth N]</c> (forward closure: everything the target reaches). The text lists
/// the nearest --limit hits (<see cref="RowLimit"/>).
/// </summary>
internal sealed class ClosureCommand(string name, Direction direction) : ICommand
{
    public string Name => name;

    public string Usage => direction == Direction.Dependents
        ? "dependents PURL|DIGEST [--max-depth N] [--limit N] [--as-of DATE] [--json]"
        : "deps PURL|DIGEST [--depth N] [--limit N] [--as-of DATE] [--json]";

    public string[] ValueOptions => ["--depth", "--max-depth", RowLimit.Option, AsOf.Option];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException($"{name} takes one target: a package URL (with or without version) or a digest");
        }

        var depth = args.IntValue("--depth") ?? args.IntValue("--max-depth");
        if (depth is < 1)
        {
            throw new UsageException("the depth bound must be at least 1");
        }

        var limit = RowLimit.Parse(args);

        var index = context.LoadIndex(args);
        var target = TargetResolver.Resolve(index, args.Positionals[0]);
        if (target.Error is not null)
        {
            throw new UsageException(target.Error);
        }

        var result = ClosureQuery.Run(index, target.Nodes, direction, new ClosureOptions { MaxDepth = depth });
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json => ClosureJson.Write(json, index, target, result));
            return 0;
        }

        WriteTable(context, index, target, result, limit);
        return 0;
    }

    private void WriteTable(CliContext context, GraphIndex index, ResolvedTarget target, ClosureResult result, int limit)
    {
        var console = context.Console;
        if (target.Nodes.Count == 0)
        {
            console.MarkupLineInterpolated($"[yellow]Nothing in the graph matches[/] {target.Query}");
            return;
        }

        var noun = direction == Direction.Dependents ? "dependents" : "dependencies";
        console.MarkupLineInterpolated($"{target.Query}: {target.Nodes.Count} matching node(s), [bold]{result.Hits.Count}[/] {noun}");
        var table = new Table().AddColumns("Kind", "Id", "Name", "Depth", "Path");
        foreach (var hit in result.Hits.Take(limit))
        {
            table.AddRow(
                Markup.Escape(index.KindOf(hit.Node).ToString()),
                Markup.Escape(index.KeyOf(hit.Node)),
                Markup.Escape(index.NameOf(hit.Node) ?? string.Empty),
                hit.Depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(DescribePath(index, hit.Path)));
        }

        console.Write(table);
        RowLimit.WriteMore(console, result.Hits.Count, limit, noun);
    }

    /// <summary>A compact path for people: <c>name -CONTAINS-> name -DEPENDS_ON-> name</c>.</summary>
    private static string DescribePath(GraphIndex index, IReadOnlyList<PathStep> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var step in path)
        {
            if (step.Edge is { } edge)
            {
                text.Append(step.Forward ? $" -{edge.ToWireName()}-> " : $" <-{edge.ToWireName()}- ");
            }

            text.Append(index.NameOf(step.Node) ?? index.KeyOf(step.Node));
        }

        return text.ToString();
    }
}
