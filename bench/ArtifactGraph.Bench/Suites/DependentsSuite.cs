using System.Diagnostics;
using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Storage.Sqlite;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>dependents [--tier S|M|L] [--db FILE] [--queries N] [--seed N] [--images N]</c>: builds the index
/// (loaded from a store as the CLI does, or generated <c>--direct</c>), then times what
/// <c>artifactgraph dependents PURL</c> does after loading: <see cref="TargetResolver.Resolve"/> and a
/// reverse <see cref="ClosureQuery.Run"/> with the default impact allowlist, for popularity-weighted
/// versionless purls, and for the most popular package.
/// </summary>
internal static class DependentsSuite
{
    private const string Suite = "dependents";
    private const int WorstRuns = 50;

    public static int Run(BenchOptions options, BenchReport report, TextWriter output) =>
        Run(options.Value("--db"), Tier.Parse(options.Value("--tier"), options.Int("--images")), options.Int("--queries") ?? 2_000, options.Seed, report, output);

    public static int Run(string? db, Tier tier, int queries, int seed, BenchReport report, TextWriter output)
    {
        var (index, before, buildTime, freezeTime) = BuildIndex(db, tier, seed, report, output);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Describe(report, index, after - before, buildTime, freezeTime);

        var (workload, mostPopular, weight) = QueryWorkload.Draw(index, queries, seed);
        output.WriteLine($"running {queries:N0} queries (+{Math.Min(200, queries)} warm-up); most popular package {mostPopular} ({weight:N0} listings)");
        foreach (var query in workload.Take(200))
        {
            Query(index, query, Materialize.All);
        }

        foreach (var mode in new[] { Materialize.FirstPage, Materialize.All })
        {
            var label = mode == Materialize.FirstPage ? "first page of 50" : "all hits with paths";
            var gen0 = GC.CollectionCount(0);
            var gen2 = GC.CollectionCount(2);
            var total = new List<double>(queries);
            var cpu = new List<double>(queries);
            var resolve = new List<double>(queries);
            long hits = 0;
            foreach (var query in workload)
            {
                var sample = Query(index, query, mode);
                total.Add(sample.TotalMs);
                cpu.Add(sample.CpuMs);
                resolve.Add(sample.ResolveMs);
                hits += sample.Hits;
            }

            var latency = new Percentiles(total);
            report.Add(Suite, $"[{label}] queries", latency.Count, "queries");
            report.Add(Suite, $"[{label}] mean dependents per query", latency.Count == 0 ? 0 : (double)hits / latency.Count, "results");
            report.AtMost(Suite, $"[{label}] popularity-weighted p50", latency.At(50), "ms", 0.1);
            report.Add(Suite, $"[{label}] popularity-weighted p95", latency.At(95), "ms");
            report.AtMost(Suite, $"[{label}] popularity-weighted p99", latency.At(99), "ms", 10);
            report.Add(Suite, $"[{label}] popularity-weighted max", latency.Max, "ms");
            var cpuLatency = new Percentiles(cpu);
            report.Add(Suite, $"[{label}] popularity-weighted thread CPU p50 / p99", cpuLatency.At(50), "ms", $"p99 {cpuLatency.At(99):F2} ms: the load does not inflate CPU time");
            report.Add(Suite, $"[{label}]   of which TargetResolver p50", new Percentiles(resolve).At(50), "ms");
            report.Add(Suite, $"[{label}] GCs during the timed queries (gen0 / gen2)", GC.CollectionCount(0) - gen0, "gen0", $"gen2: {GC.CollectionCount(2) - gen2}");

            for (var i = 0; i < 3; i++)
            {
                Query(index, mostPopular, mode);
            }

            var worst = new List<double>(WorstRuns);
            var worstCpu = new List<double>(WorstRuns);
            var worstHits = 0;
            for (var i = 0; i < WorstRuns; i++)
            {
                var sample = Query(index, mostPopular, mode);
                worst.Add(sample.TotalMs);
                worstCpu.Add(sample.CpuMs);
                worstHits = sample.Hits;
            }

            var worstLatency = new Percentiles(worst);
            report.Facts["dependents.worst"] = $"{mostPopular}: {worstHits:N0} dependents ({index.CountOf(Core.Graph.NodeKind.Image):N0} images in the graph)";
            report.Add(Suite, $"[{label}] worst case (most popular) p50", worstLatency.At(50), "ms", $"{mostPopular}, {worstHits:N0} dependents, {WorstRuns} runs");
            report.AtMost(Suite, $"[{label}] worst case (most popular) p99", worstLatency.At(99), "ms", 25);
            var worstCpuLatency = new Percentiles(worstCpu);
            report.Add(Suite, $"[{label}] worst case thread CPU p50 / p99", worstCpuLatency.At(50), "ms", $"p99 {worstCpuLatency.At(99):F2} ms");
        }

        // Lower bound for the same walk: a bare BFS over the index's public adjacency, with no path lists,
        // records or ordering. The gap to the queries above is what ClosureQuery adds to the walk.
        var starts = TargetResolver.Resolve(index, mostPopular).Nodes;
        var bare = new List<double>(WorstRuns);
        var bareCpu = new List<double>(WorstRuns);
        for (var i = 0; i < WorstRuns; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var cpuStart = ThreadCpu.NowMs();
            BareWalk.Reached(index, starts);
            bareCpu.Add(ThreadCpu.NowMs() - cpuStart);
            bare.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        report.Add(Suite, "worst case, bare BFS p50", new Percentiles(bare).At(50), "ms", "every reverse impact edge read once, no paths, records or ordering (bench-side)");
        report.Add(Suite, "worst case, bare BFS thread CPU p50", new Percentiles(bareCpu).At(50), "ms");
        GC.KeepAlive(index);
        return 0;
    }

    private static (GraphIndex Index, long MemoryBefore, TimeSpan Build, TimeSpan? Freeze) BuildIndex(string? db, Tier tier, int seed, BenchReport report, TextWriter output)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        if (db is not null)
        {
            if (!File.Exists(db))
            {
                throw new ArgumentException($"--db '{db}' does not exist");
            }

            output.WriteLine($"loading the index from {db}");
            report.Facts["dependents.graph"] = $"loaded from {Path.GetFullPath(db)} (GraphIndexHolder.LoadFrom, as the server does; the CLI skips the node order)";
            using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = db }, TimeProvider.System);
            return (new GraphIndexHolder().LoadFrom(store), before, stopwatch.Elapsed, null);
        }

        output.WriteLine($"building tier {tier.Name} (seed {seed}, {tier.Images:N0} images) --direct");
        report.Facts["dependents.graph"] = $"tier {tier.Name} --direct, seed {seed}, {tier.Images:N0} images + {tier.BaseImages} base images";
        var corpus = Corpus.Create(tier, seed);
        var (index, freeze) = DirectGraph.Build(corpus);
        return (index, before, stopwatch.Elapsed, freeze);
    }

    private static void Describe(BenchReport report, GraphIndex index, long indexBytes, TimeSpan build, TimeSpan? freeze)
    {
        var nodes = index.NodeCount;
        var edges = index.EdgeCount;

        // Adjacency is CSR in both directions: per edge a 4-byte target and a 1-byte kind, twice; per node a
        // 4-byte offset, twice. Everything else (keys, names, kinds, key dictionaries) is charged to nodes.
        var edgeBytes = 10.0 * edges;
        report.Add(Suite, "nodes", nodes, "nodes");
        report.Add(Suite, "edges", edges, "edges");
        report.Add(Suite, "images", index.CountOf(Core.Graph.NodeKind.Image), "images");
        report.Add(Suite, "package versions", index.CountOf(Core.Graph.NodeKind.PackageVersion), "versions");
        report.Add(Suite, freeze is null ? "index load from store" : "graph generation + index build (--direct)", build.TotalSeconds, "s");
        if (freeze is { } f)
        {
            report.Add(Suite, "  of which GraphIndexBuilder.Build", f.TotalSeconds, "s");
        }

        report.Add(Suite, "index memory (GC.GetTotalMemory delta)", indexBytes / (1024.0 * 1024.0), "MiB");
        report.Add(Suite, "GraphIndex.AdjacencyBytes", index.AdjacencyBytes / (1024.0 * 1024.0), "MiB");
        report.Add(Suite, "GraphIndex.NodeBytes", index.NodeBytes / (1024.0 * 1024.0), "MiB", "kinds, key arena + lookup, interned names");
        report.AtMost(Suite, "bytes per edge (adjacency)", edges == 0 ? 0 : edgeBytes / edges, "B", 24);
        report.AtMost(Suite, "bytes per node (rest of the index)", nodes == 0 ? 0 : (indexBytes - edgeBytes) / nodes, "B", 128, "GC delta minus 10 B per edge, over nodes");
        report.Add(Suite, "index bytes per edge, all in", edges == 0 ? 0 : (double)indexBytes / edges, "B");
    }

    private readonly record struct Sample(double TotalMs, double CpuMs, double ResolveMs, int Hits);

    /// <summary>How much of the result a query reads: a first page (GraphQL) or every hit with its path (the CLI).</summary>
    private enum Materialize
    {
        FirstPage,
        All,
    }

    private static Sample Query(GraphIndex index, string purl, Materialize mode)
    {
        var start = Stopwatch.GetTimestamp();
        var cpuStart = ThreadCpu.NowMs();
        var target = TargetResolver.Resolve(index, purl);
        var resolved = Stopwatch.GetTimestamp();
        var result = ClosureQuery.Run(index, target.Nodes, Direction.Dependents);
        var steps = 0;
        foreach (var hit in mode == Materialize.FirstPage ? result.Page(0, 50) : result.Hits)
        {
            steps += hit.Path.Count;
        }

        var end = Stopwatch.GetTimestamp();
        var cpu = ThreadCpu.NowMs() - cpuStart;
        GC.KeepAlive(steps);
        return new Sample(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, cpu, Stopwatch.GetElapsedTime(start, resolved).TotalMilliseconds, result.Count);
    }
}
