using System.Diagnostics;
using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;

namespace ArtifactGraph.Bench.Targets;

/// <summary>
/// <c>targets [--tier M] [--seed N] [--images N] [--queries N] [--input DIR] [--work DIR] [--keep]</c>: every
/// DESIGN.md §8 target measured in one run on this machine, as issue 8 is checked: generate the tier's SBOMs (or take
/// them from <c>--input</c>), ingest them through the readers, load the index from that store (memory per edge and
/// node), blast radius, the recursive-CTE ratios, GraphQL and the 250 MB SBOM.
/// <para>
/// Each step is this bench started again with the suite's own command, so its peak working set, runtime settings and
/// figures are exactly those of the suite run alone (a suite sharing the process would inherit the heap and the peak
/// of the ones before it). Each writes its JSON results into a folder named after this run, beside its results file
/// (the work folder is scratch, deleted unless --keep); the figures that have a target are
/// gathered into this run's table and JSON, step by step, with the load around each step. A step that fails or
/// cannot run here (no PostgreSQL) is reported as such, and the other steps still run.
/// </para>
/// </summary>
internal static class TargetsSuite
{
    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var tier = Tier.Parse(options.Value("--tier") ?? "M", options.Int("--images"));
        // The folder is deleted at the end (unless --keep), so a given one must be new or empty.
        var work = options.Value("--work") ?? Scratch.NewDirectory("targets");
        if (Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
        {
            throw new ArgumentException($"--work '{work}' is not empty: give a new or empty folder (it is deleted afterwards unless --keep)");
        }

        Directory.CreateDirectory(work);
        var given = options.Value("--input");
        if (given is not null && !Directory.Exists(given))
        {
            throw new ArgumentException($"--input '{given}' is not a folder");
        }

        var sboms = given ?? Path.Combine(work, "sboms");
        var db = Path.Combine(work, "ingest.db");
        var postgres = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ARTIFACTGRAPH_POSTGRES"));
        var steps = TargetPlan.For(tier, options.Seed, options.Int("--images"), options.Int("--queries") ?? 2_000, sboms, given is null, db, postgres);
        report.Facts["targets.tier"] = $"{tier.Name}: {tier.Images:N0} images, seed {options.Seed}; work folder {work}";
        // The steps' own results files are kept beside this run's (the work folder is scratch).
        var results = Path.Combine(options.Value("--results") ?? ResultsFile.DefaultDirectory(), ResultsFile.RunName(report));
        report.Facts["targets.results"] = $"each step's own results file: {results}";
        var failed = 0;
        try
        {
            for (var i = 0; i < steps.Count; i++)
            {
                failed += RunStep(i + 1, steps[i], results, report, output) ? 0 : 1;
            }
        }
        finally
        {
            if (options.Has("--keep"))
            {
                output.WriteLine($"kept {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }

        var targets = report.Metrics.Where(m => m.Met is not null).ToList();
        report.Facts["targets.summary"] = $"{targets.Count(m => m.Met == true)} met, {targets.Count(m => m.Met == false)} not met; {failed} step(s) failed, {steps.Count(s => s.Skipped is not null)} skipped";
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Runs one step; returns false when it failed (a skipped step did not fail).</summary>
    private static bool RunStep(int number, TargetStep step, string resultsRoot, BenchReport report, TextWriter output)
    {
        var key = $"targets.step {number}";
        if (step.Skipped is { } reason)
        {
            output.WriteLine($"== step {number}, {step.Name}: skipped: {reason}");
            report.Facts[key] = $"{step.Name}: skipped: {reason}";
            return true;
        }

        var results = Path.Combine(resultsRoot, $"{number:D2}-{step.Verb}");
        output.WriteLine($"== step {number}, {step.Name}: {step.CommandLine}");
        output.Flush();
        var clock = Stopwatch.StartNew();
        var exit = SelfProcess.Run([.. step.Arguments, "--results", results]);
        var runs = ResultsReader.ReadAll(results);
        var load = string.Join("; ", runs.Select(r => $"load {r.LoadBefore} → {r.LoadAfter}"));
        var leaves = step.Leaves is null ? string.Empty : $" ({step.Leaves})";
        report.Facts[key] = $"{step.Name}: `{step.CommandLine}`, exit {exit}, {clock.Elapsed.TotalSeconds:N0} s{(load.Length > 0 ? ", " + load : string.Empty)}{leaves}";
        foreach (var metric in runs.SelectMany(r => r.Metrics).Where(m => m.Met is not null && (step.Gathers?.Invoke(m) ?? true)))
        {
            report.Add(metric);
        }

        return exit == 0;
    }
}
