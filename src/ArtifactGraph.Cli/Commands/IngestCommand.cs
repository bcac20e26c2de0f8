using System.Globalization;
using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>ingest PATH...</c>: files, folders (recursive) and globs; each document sniffed, read and committed
/// on its own, so one bad file never stops the others; the next file is read while one commits
/// (<see cref="Ingestor.IngestFiles"/>). Exit 1 when anything was rejected.
/// </summary>
internal sealed class IngestCommand : ICommand
{
    public string Name => "ingest";

    public string Usage => "ingest PATH... [--environment NAME] [--cluster NAME] [--trust FILE] [--json]";

    public string[] ValueOptions => ["--environment", "--cluster", TrustOption.Option];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("ingest needs at least one file, folder or glob");
        }

        var expansion = InputExpander.Expand(args.Positionals);
        var reports = new List<IngestReport>();
        reports.AddRange(expansion.Missing.Select(m => new IngestReport
        {
            Source = m,
            Outcome = IngestOutcome.Rejected,
            Location = "path",
            Reason = "no such file or folder, and no file matches it as a glob",
        }));

        using (BulkGc.Start())
        using (var store = context.OpenStore(args, bulk: true))
        {
            var ingestor = new Ingestor(Readers.All, store, new IngestOptions { Environment = args.Value("--environment"), Cluster = args.Value("--cluster"), Trust = TrustOption.Load(args) }, context.Logging.CreateLogger<Ingestor>());
            var showProgress = context.Interactive && !args.Has("--json") && expansion.Files.Count > 1;
            if (showProgress)
            {
                context.Console.Progress().Start(progress =>
                {
                    var task = progress.AddTask("Ingesting", maxValue: expansion.Files.Count);
                    var done = 0;
                    task.Description = Markup.Escape(Path.GetFileName(expansion.Files[0]));
                    reports.AddRange(ingestor.IngestFiles(expansion.Files, _ =>
                    {
                        done++;
                        task.Description = done < expansion.Files.Count ? Markup.Escape(Path.GetFileName(expansion.Files[done])) : "Ingested";
                        task.Increment(1);
                    }));
                });
            }
            else
            {
                reports.AddRange(ingestor.IngestFiles(expansion.Files));
            }
        }

        var summary = IngestSummary.Of(reports);
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json => IngestReportJson.Write(json, reports));
        }
        else
        {
            WriteTables(context.Console, summary, reports);
        }

        return summary.Rejected > 0 ? 1 : 0;
    }

    private static void WriteTables(IAnsiConsole console, IngestSummary summary, List<IngestReport> reports)
    {
        var table = new Table().AddColumns("Documents ingested", "Unchanged", "Rejected", "Nodes added", "Edges added");
        table.AddRow(Count(summary.Ingested), Count(summary.Unchanged), Count(summary.Rejected), Count(summary.NodesAdded), Count(summary.EdgesAdded));
        console.Write(table);
        foreach (var unchanged in reports.Where(r => r.Outcome == IngestOutcome.Unchanged))
        {
            console.MarkupLineInterpolated($"[grey]unchanged[/] {unchanged.Source} [grey](already ingested, sha256 {unchanged.Sha256})[/]");
        }

        var rejected = reports.Where(r => r.Outcome == IngestOutcome.Rejected).ToList();
        if (rejected.Count > 0)
        {
            var errors = new Table().AddColumns("Rejected file", "Location", "Reason");
            foreach (var report in rejected)
            {
                errors.AddRow(Markup.Escape(report.Source), Markup.Escape(report.Location ?? string.Empty), Markup.Escape(report.Reason ?? string.Empty));
            }

            console.Write(errors);
        }
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>Totals over one ingest run.</summary>
internal sealed record IngestSummary(int Ingested, int Unchanged, int Rejected, long NodesAdded, long EdgesAdded)
{
    public static IngestSummary Of(IReadOnlyCollection<IngestReport> reports) => new(
        reports.Count(r => r.Outcome == IngestOutcome.Ingested),
        reports.Count(r => r.Outcome == IngestOutcome.Unchanged),
        reports.Count(r => r.Outcome == IngestOutcome.Rejected),
        reports.Sum(r => (long)r.NodesAdded),
        reports.Sum(r => (long)r.EdgesAdded));
}
