using System.Diagnostics;
using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>blast-radius [--tier S|M|L] [--queries N] [--seed N] [--images N] [--median-loops N]</c>: the real
/// <see cref="BlastRadiusQuery.Run(GraphIndex, AdvisoryCatalog, NodePropertyReader, BlastRadiusRequest)"/> over the
/// tier's --direct graph with its deployments, one synthetic advisory per popularity-weighted query package
/// (<see cref="SyntheticAdvisories"/>, every tenth with a VEX not_affected statement) in one
/// <see cref="AdvisoryCatalog"/>, deployment properties from the generator (<see cref="GeneratedProperties"/>).
/// Each query is the whole answer: match the advisory's range against the package's versions, decide VEX,
/// walk (twice when VEX suppresses), rank the deployments with their paths. Every 25th answer, every VEX
/// answer and the worst case are checked against the generator (<see cref="BlastRadiusCheck"/>), in a first pass
/// that also warms up; the latencies come from a second pass that only times.
/// </summary>
internal static class BlastRadiusSuite
{
    private const string Suite = "blast-radius";
    private const int WorstRuns = 50;
    private const int CheckEvery = 25;

    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var tier = Tier.Parse(options.Value("--tier"), options.Int("--images"));
        var seed = options.Seed;
        var queries = Math.Max(1, options.Int("--queries") ?? 2_000);

        output.WriteLine($"building tier {tier.Name} (seed {seed}, {tier.Images:N0} images, {tier.Deployments:N0} deployments) --direct");
        var build = Stopwatch.StartNew();
        var corpus = Corpus.Create(tier, seed);
        var (index, _) = DirectGraph.Build(corpus);
        report.Add(Suite, "graph generation + index build (--direct)", build.Elapsed.TotalSeconds, "s");
        report.Add(Suite, "edges", index.EdgeCount, "edges");
        report.Add(Suite, "images", index.CountOf(NodeKind.Image), "images");
        report.Add(Suite, "deployments (workloads + clusters)", index.CountOf(NodeKind.Deployment), "nodes", $"{corpus.Deployments.Count:N0} workloads in {corpus.Clusters.Count} clusters");

        var (workload, mostPopular, weight) = QueryWorkload.Draw(index, queries, seed);
        var catalogTime = Stopwatch.StartNew();
        var (advisories, claims) = SyntheticAdvisories.Create(corpus.Universe, index, [.. workload, mostPopular]);
        var catalog = AdvisoryCatalog.Create(claims, index);
        report.Add(Suite, "AdvisoryCatalog.Create (synthetic advisories)", catalogTime.Elapsed.TotalMilliseconds, "ms", $"{catalog.AffectedCount:N0} affected claims, {catalog.VexCount:N0} VEX statements");
        report.Facts["blast-radius.graph"] = $"tier {tier.Name} --direct, seed {seed}: {index.NodeCount:N0} nodes, {index.EdgeCount:N0} edges, {corpus.Deployments.Count:N0} deployments; worst case {mostPopular} ({weight:N0} listings)";

        var properties = new GeneratedProperties(corpus);
        var check = new BlastRadiusCheck(corpus, index);
        var worst = advisories[^1];
        advisories.RemoveAt(advisories.Count - 1);

        // Two passes over the same advisories in the same order. The first checks answers against the generator, counts
        // what they reach and times the walk alone; it is also the warm-up (200 answers of warm-up left the p50 ~10%
        // higher than a whole pass). The second only times: a check or a second walk between timed answers is bench
        // work, not a responder's, and it showed in the timed answers (their p50 was ~25% above a clean pass's).
        output.WriteLine($"running {queries:N0} advisories twice (checked, then timed); worst case {mostPopular} ({weight:N0} listings)");
        var walkCpu = new List<double>(queries);
        long images = 0, deployments = 0, hits = 0, suppressed = 0;
        int maxDeployments = 0, empty = 0, checkedAnswers = 0;
        for (var q = 0; q < advisories.Count; q++)
        {
            var (_, result) = Query(index, catalog, properties, advisories[q]);
            images += result.Closure.CountOf(NodeKind.Image);
            deployments += result.Deployments.Count;
            hits += result.Closure.Count;
            suppressed += result.Suppressed.Count;
            maxDeployments = Math.Max(maxDeployments, result.Deployments.Count);
            empty += result.Closure.CountOf(NodeKind.Image) == 0 ? 1 : 0;
            if (q % CheckEvery == 0 || advisories[q].NotAffectedImages.Count > 0)
            {
                checkedAnswers++;
                if (check.Verify(advisories[q], result) is { } failure)
                {
                    output.WriteLine("FAIL: " + failure);
                    return 1;
                }
            }

            // After the answer is read and checked: the walk reuses the closure scratch.
            walkCpu.Add(WalkCpuMs(index, result));
        }

        var wall = new List<double>(queries);
        var cpu = new List<double>(queries);
        var slowest = new List<(double CpuMs, int Query, int Images, int Hits, int Suppressed, int Gcs)>(queries);
        for (var q = 0; q < advisories.Count; q++)
        {
            var (sample, result) = Query(index, catalog, properties, advisories[q]);
            wall.Add(sample.WallMs);
            cpu.Add(sample.CpuMs);
            slowest.Add((sample.CpuMs, q, result.Closure.CountOf(NodeKind.Image), result.Closure.Count, result.Suppressed.Count, sample.Gen2));
        }

        // What the tail is made of: the p99 is the 1% slowest, so name them, with any full (gen-2) collection that ran during one.
        slowest.Sort((a, b) => b.CpuMs.CompareTo(a.CpuMs));
        var tail = slowest.Take(Math.Max(1, queries / 100)).ToList();
        output.WriteLine($"the slowest 1% ({tail.Count}): {tail.Count(t => advisories[t.Query].NotAffectedImages.Count > 0)} with VEX; thread CPU {tail[^1].CpuMs:F2}–{tail[0].CpuMs:F2} ms");
        foreach (var t in tail.Take(10))
        {
            var vex = advisories[t.Query].NotAffectedImages.Count > 0 ? $", VEX ({t.Suppressed} suppressed)" : string.Empty;
            var gc = t.Gcs > 0 ? ", a gen-2 GC ran during it" : string.Empty;
            output.WriteLine($"  {t.CpuMs,7:F2} ms  {advisories[t.Query].PackageKey}: {t.Images:N0} images, {t.Hits:N0} hits{vex}{gc}");
        }

        var latency = new Percentiles(wall);
        var cpuLatency = new Percentiles(cpu);
        var n = (double)latency.Count;
        report.Add(Suite, "advisories (queries)", latency.Count, "queries", $"{advisories.Count(a => a.NotAffectedImages.Count > 0)} with VEX not_affected statements; {checkedAnswers} answers checked in the first pass, all timed in the second");
        report.AtMost(Suite, "popularity-weighted p50", latency.At(50), "ms", 0.1);
        report.Add(Suite, "popularity-weighted p95", latency.At(95), "ms");
        report.AtMost(Suite, "popularity-weighted p99", latency.At(99), "ms", 10);
        report.Add(Suite, "popularity-weighted max", latency.Max, "ms");
        report.Add(Suite, "popularity-weighted thread CPU p50", cpuLatency.At(50), "ms", $"p95 {cpuLatency.At(95):F3} / p99 {cpuLatency.At(99):F2} / max {cpuLatency.Max:F2} ms: the load does not inflate CPU time");
        var walk = new Percentiles(walkCpu);
        report.Add(Suite, "  of which the walk alone, thread CPU p50", walk.At(50), "ms", $"p99 {walk.At(99):F2} ms: ClosureQuery.Run from the same starts, no matching, VEX or ranking (timed apart)");
        report.Add(Suite, "mean images reached", images / n, "images", $"{empty} advisories reach no image");
        report.Add(Suite, "mean deployments reached", deployments / n, "deployments", $"max {maxDeployments:N0}");
        report.Add(Suite, "mean answer size (closure hits)", hits / n, "hits", $"suppressed by VEX in all: {suppressed:N0}");

        if (options.Int("--median-loops") is { } medianLoops and > 0)
        {
            var byCpu = slowest.OrderBy(t => t.CpuMs).Select(t => new BlastRadiusRequest { Vulnerability = advisories[t.Query].Id }).ToList();
            MedianReplay.Run(index, catalog, properties.Read, byCpu, medianLoops, report, Suite);
        }

        for (var i = 0; i < 3; i++)
        {
            Query(index, catalog, properties, worst);
        }

        var worstWall = new List<double>(WorstRuns);
        var worstCpu = new List<double>(WorstRuns);
        BlastRadiusResult? last = null;
        for (var i = 0; i < WorstRuns; i++)
        {
            var (sample, result) = Query(index, catalog, properties, worst);
            worstWall.Add(sample.WallMs);
            worstCpu.Add(sample.CpuMs);
            last = result;
        }

        if (check.Verify(worst, last!) is { } worstFailure)
        {
            output.WriteLine("FAIL: " + worstFailure);
            return 1;
        }

        var worstLatency = new Percentiles(worstWall);
        var worstCpuLatency = new Percentiles(worstCpu);
        var worstNote = $"{worst.PackageKey}: {last!.AffectedPackages.Count} affected versions, {last.Closure.CountOf(NodeKind.Image):N0} images, {last.Deployments.Count:N0} deployments, {last.Closure.Count:N0} hits; {WorstRuns} runs";
        report.Facts["blast-radius.worst"] = worstNote;
        report.Add(Suite, "worst case (most popular package) p50", worstLatency.At(50), "ms", worstNote);
        report.AtMost(Suite, "worst case p99", worstLatency.At(99), "ms", 25);
        report.Add(Suite, "worst case max", worstLatency.Max, "ms");
        report.Add(Suite, "worst case thread CPU p50", worstCpuLatency.At(50), "ms", $"p99 {worstCpuLatency.At(99):F2} ms; the walk alone {WalkCpuMs(index, last):F2} ms");
        report.Add(Suite, "worst case deployments reached", last.Deployments.Count, "deployments", $"of {corpus.Deployments.Count:N0}; first ranked: {(last.Deployments.Count > 0 ? last.Deployments[0].Environment : "none")}");
        output.WriteLine($"OK: {checkedAnswers + 1} answers checked against the generator (affected versions, images, deployments, VEX)");
        GC.KeepAlive(index);
        return 0;
    }

    /// <summary>Thread CPU of the bare reverse closure from the answer's starts (what the query adds to it is the rest).</summary>
    private static double WalkCpuMs(GraphIndex index, BlastRadiusResult result)
    {
        var cpuStart = ThreadCpu.NowMs();
        var closure = ClosureQuery.Run(index, result.Starts, Direction.Dependents);
        var cpu = ThreadCpu.NowMs() - cpuStart;
        GC.KeepAlive(closure);
        return cpu;
    }

    private readonly record struct Sample(double WallMs, double CpuMs, int Gen2);

    private static (Sample Sample, BlastRadiusResult Result) Query(GraphIndex index, AdvisoryCatalog catalog, GeneratedProperties properties, SyntheticAdvisory advisory)
    {
        var gen2 = GC.CollectionCount(2);
        var start = Stopwatch.GetTimestamp();
        var cpuStart = ThreadCpu.NowMs();
        var result = BlastRadiusQuery.Run(index, catalog, properties.Read, new BlastRadiusRequest { Vulnerability = advisory.Id });
        var cpu = ThreadCpu.NowMs() - cpuStart;
        return (new Sample(Stopwatch.GetElapsedTime(start).TotalMilliseconds, cpu, GC.CollectionCount(2) - gen2), result);
    }
}
