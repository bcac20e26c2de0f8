using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Graph;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary><c>stats</c>: documents, nodes per kind and edges per kind, from the store.</summary>
internal sealed class StatsCommand : ICommand
{
    public string Name => "stats";

    public string Usage => "stats [--json]";

    public string[] ValueOptions => [];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count != 0)
        {
            throw new UsageException("stats takes no arguments");
        }

        using var store = context.OpenStore(args);
        var stats = store.GetStatistics();
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json =>
            {
                json.WriteStartObject();
                json.WriteNumber("documents", stats.Documents);
                json.WriteStartObject("nodes");
                foreach (var (kind, count) in stats.Nodes.OrderBy(p => p.Key))
                {
                    json.WriteNumber(kind.ToString(), count);
                }

                json.WriteEndObject();
                json.WriteStartObject("edges");
                foreach (var (kind, count) in stats.Edges.OrderBy(p => p.Key))
                {
                    json.WriteNumber(kind.ToWireName(), count);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            });
            return 0;
        }

        var table = new Table().AddColumns("What", "Count");
        table.AddRow("Documents", stats.Documents.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (kind, count) in stats.Nodes.OrderBy(p => p.Key))
        {
            table.AddRow($"Node {kind}", count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (kind, count) in stats.Edges.OrderBy(p => p.Key))
        {
            table.AddRow($"Edge {kind.ToWireName()}", count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        return 0;
    }
}
