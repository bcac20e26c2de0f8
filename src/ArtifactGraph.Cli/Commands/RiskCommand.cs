using System.Globalization;
using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Queries.Risk;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>risk</c>: the fleet's images with supply-chain risk — no provenance, provenance that did not verify, a source
/// with a low or no Scorecard — riskiest first, with the deployments running them.
/// </summary>
internal sealed class RiskCommand : ICommand
{
    private const string MinScoreOption = "--min-score";

    public string Name => "risk";

    public string Usage => "risk [--min-score N] [--running] [--as-of DATE] [--json]";

    public string[] ValueOptions => [MinScoreOption, AsOf.Option];

    public string[] FlagOptions => ["--running"];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count != 0)
        {
            throw new UsageException("risk takes no target: it looks at every image");
        }

        var options = new RiskOptions { MinScore = MinScore(args), RunningOnly = args.Has("--running") };
        using var store = context.OpenStore(args);
        var index = CliContext.LoadIndex(store, args);
        var report = RiskQuery.Run(index, store, options);
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json => RiskJson.Write(json, report));
        }
        else
        {
            WriteText(context.Console, report);
        }

        return 0;
    }

    private static double MinScore(CommandArgs args)
    {
        var text = args.Value(MinScoreOption);
        if (text is null)
        {
            return new RiskOptions().MinScore;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 10
            ? score
            : throw new UsageException($"{MinScoreOption} takes a Scorecard score from 0 to 10, not '{text}'");
    }

    private static void WriteText(IAnsiConsole console, RiskReport report)
    {
        var running = report.Options.RunningOnly ? "running " : string.Empty;
        if (report.Images.Count == 0)
        {
            console.MarkupLineInterpolated($"[green]No risk found[/] in {report.Checked} {running}image(s): each has verified provenance from sources scoring at least {report.Options.MinScore:0.0}.");
            return;
        }

        console.MarkupLineInterpolated($"[bold]{report.Images.Count}[/] of {report.Checked} {running}image(s) carry supply-chain risk (Scorecard minimum {report.Options.MinScore:0.0}):");
        var table = new Table().AddColumns("Image", "Tags", "Deployments", "Environments", "Risk");
        foreach (var image in report.Images)
        {
            table.AddRow(
                Markup.Escape(image.Image.Key),
                Markup.Escape(string.Join("\n", image.Tags)),
                image.Deployments.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", image.Environments)),
                Markup.Escape(string.Join("\n", image.Signals.Select(s => $"{s.Code}: {s.Detail}"))));
        }

        console.Write(table);
    }
}
