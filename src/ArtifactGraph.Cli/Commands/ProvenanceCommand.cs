using System.Globalization;
using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Queries;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>provenance DIGEST|PURL</c>: how an artifact was built — builder, build type, source repository and
/// revision, materials, the attestations saying so and whether their signatures verified — and the
/// source's Scorecard (aggregate and failing checks).
/// </summary>
internal sealed class ProvenanceCommand : ICommand
{
    public string Name => "provenance";

    public string Usage => "provenance DIGEST|PURL [--as-of DATE] [--json]";

    public string[] ValueOptions => [AsOf.Option];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("provenance takes one target: a digest (sha256:…) or a package URL");
        }

        using var store = context.OpenStore(args);
        var index = CliContext.LoadIndex(store, args);
        var target = TargetResolver.Resolve(index, args.Positionals[0]);
        if (target.Error is not null)
        {
            throw new UsageException(target.Error);
        }

        var result = ProvenanceQuery.Run(index, store, target);
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json => ProvenanceJson.Write(json, result));
        }
        else
        {
            WriteText(context.Console, target, result);
        }

        return 0;
    }

    private static void WriteText(IAnsiConsole console, ResolvedTarget target, ProvenanceResult result)
    {
        if (target.Nodes.Count == 0)
        {
            console.MarkupLineInterpolated($"[yellow]Nothing in the graph matches[/] {target.Query}");
            return;
        }

        if (result.Subjects.Count == 0 && result.Packages.Count == 0)
        {
            console.MarkupLineInterpolated($"[yellow]No provenance known[/] for {target.Query}: no attestation says how it was built, and no SBOM names its source.");
            return;
        }

        foreach (var subject in result.Subjects)
        {
            console.MarkupLineInterpolated($"[bold]{subject.Node.Key}[/]{(subject.Name is null ? string.Empty : " (" + subject.Name + ")")}");
            var table = new Table().AddColumns("Field", "Value");
            table.AddRow("Builder", Markup.Escape(string.Join(", ", subject.Builders)));
            table.AddRow("Build type", Markup.Escape(string.Join(", ", subject.BuildTypes)));
            foreach (var source in subject.Sources)
            {
                table.AddRow("Source", Markup.Escape($"{source.Repository} @ {source.Revision ?? "(revision unknown)"}{(source.Ref is null ? string.Empty : " (" + source.Ref + ")")}"));
                table.AddRow("Scorecard", Markup.Escape(DescribeScorecard(source.Scorecard)));
            }

            foreach (var material in subject.Materials)
            {
                table.AddRow("Material", Markup.Escape($"{material.Kind} {material.Key}"));
            }

            console.Write(table);
            var attestations = new Table().AddColumns("Attestation", "Format", "Predicate", "Verified", "Key / reason", "Current");
            foreach (var attestation in subject.Attestations)
            {
                attestations.AddRow(
                    Markup.Escape($"{attestation.Document.Name} sha256:{attestation.Document.Sha256[..12]}…"),
                    Markup.Escape(attestation.Document.Format),
                    Markup.Escape(attestation.PredicateType ?? string.Empty),
                    attestation.Verified ? "[green]yes[/]" : "[yellow]no[/]",
                    Markup.Escape(attestation.Verified ? attestation.KeyId ?? string.Empty : attestation.Reason ?? string.Empty),
                    attestation.Document.IsCurrent ? "yes" : "superseded");
            }

            console.Write(attestations);
        }

        foreach (var package in result.Packages)
        {
            foreach (var source in package.Sources)
            {
                console.WriteLine($"{package.Package.Key} -SOURCE_AT-> {source.Repository} @ {source.Revision ?? "(revision unknown)"}; scorecard: {DescribeScorecard(source.Scorecard)}");
            }
        }
    }

    private static string DescribeScorecard(ScorecardSummary? card)
    {
        if (card is null)
        {
            return "none known";
        }

        var score = card.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "no aggregate";
        var basis = card.Basis == "commit" ? "for this commit" : "latest for the repository";
        var failing = card.FailingChecks.Count == 0
            ? "no failing checks"
            : "failing: " + string.Join(", ", card.FailingChecks.Select(c => $"{c.Name} {c.Score.ToString("0.#", CultureInfo.InvariantCulture)}"));
        return $"{score}/10 ({basis}, {card.Date}, scorecard {card.Version}); {failing}";
    }
}
