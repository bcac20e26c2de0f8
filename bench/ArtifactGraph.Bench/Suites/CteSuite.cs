using System.Diagnostics;
using ArtifactGraph.Bench.Baselines;
using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>cte [--tier S|M] [--seed N] [--queries N] [--images N] [--stores both|sqlite|postgres] [--keep]</c>: the relational baselines of
/// DESIGN.md §8. The tier's graph is built (--direct), copied into a SQLite store file and, when
/// ARTIFACTGRAPH_POSTGRES names a server, into a PostgreSQL store schema; then the same popularity-weighted
/// versionless purls and the same worst case (the most popular package) run as the index's reverse closure
/// and as each store's recursive CTE (<see cref="ReverseClosureSql"/>). Reported: p50/p95/p99/max of each,
/// the ratios CTE/index (how many times faster the index is), and whether both reach the same images.
/// </summary>
internal static class CteSuite
{
    private const string Suite = "cte";
    private const int WorstRuns = 10;
    private const string Schema = "agbench_cte";

    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var tier = Tier.Parse(options.Value("--tier"), options.Int("--images"));
        var seed = options.Seed;
        var queries = options.Int("--queries") ?? 200;

        output.WriteLine($"building tier {tier.Name} (seed {seed}, {tier.Images:N0} images) --direct");
        var corpus = Corpus.Create(tier, seed);
        var (index, _) = DirectGraph.Build(corpus);
        var (workload, mostPopular, _) = QueryWorkload.Draw(index, queries, seed);
        report.Facts["cte.graph"] = $"tier {tier.Name} --direct, seed {seed}: {index.NodeCount:N0} nodes, {index.EdgeCount:N0} edges; worst case {mostPopular}";
        report.Add(Suite, "edges in the graph", index.EdgeCount, "edges");

        // Two index figures: the rows a CTE returns (each hit's node and kind), and the CLI's answer (each hit
        // with one shortest path as well), which a CTE does not compute at all.
        var (rows, paths) = IndexTimes(index, workload, mostPopular);
        foreach (var (figures, what) in new[] { (rows, "the CTE's rows: every hit's node and kind"), (paths, "every hit with its path (the CLI's answer)") })
        {
            var label = figures.WithPaths ? "[index, with paths]" : "[index]";
            report.Add(Suite, $"{label} popularity-weighted p50", figures.Times.At(50), "ms", $"{figures.Times.Count} queries, {what}");
            report.Add(Suite, $"{label} popularity-weighted p99", figures.Times.At(99), "ms");
            report.Add(Suite, $"{label} worst case p50", figures.Worst.At(50), "ms", $"{WorstRuns} runs");
        }

        // --stores postgres skips the SQLite half: at tier M its copy and worst-case CTE alone take tens of minutes.
        var stores = options.Value("--stores") ?? "both";
        if (stores is not ("both" or "sqlite" or "postgres"))
        {
            throw new ArgumentException($"--stores '{stores}': both, sqlite or postgres");
        }

        if (stores != "postgres")
        {
            RunSqlite(options, index, workload, mostPopular, rows, paths, report, output);
        }

        if (stores == "sqlite")
        {
            return 0;
        }

        var server = Environment.GetEnvironmentVariable("ARTIFACTGRAPH_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            report.Facts["cte.postgres"] = "skipped: no PostgreSQL (set ARTIFACTGRAPH_POSTGRES, e.g. eval \"$(scripts/postgres-dev.sh start)\")";
            output.WriteLine("postgres: skipped: no PostgreSQL (ARTIFACTGRAPH_POSTGRES is not set)");
            return 0;
        }

        var pgLoad = Stopwatch.StartNew();
        var connectionString = GraphCopy.ToPostgres(index, server, Schema);
        report.Add(Suite, "[postgres] graph load (binary COPY, indexes after)", pgLoad.Elapsed.TotalSeconds, "s");
        report.Facts["cte.postgres"] = $"{PostgresVersion(connectionString)}, schema {Schema} on {new NpgsqlConnectionStringBuilder(server).Host}";
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(ReverseClosureSql.Postgres, connection);
            var key = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, TypedValue = string.Empty };
            command.Parameters.Add(key);
            command.Prepare();
            Measure("postgres", new CteRunner(command, key), workload, mostPopular, rows, paths, report, output, targetRatio: 200);
        }
        finally
        {
            if (!options.Has("--keep"))
            {
                using var admin = new NpgsqlConnection(server);
                admin.Open();
                using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE;", admin);
                drop.ExecuteNonQuery();
            }
        }

        return 0;
    }

    private static void RunSqlite(BenchOptions options, GraphIndex index, List<string> workload, string mostPopular, IndexFigures rows, IndexFigures paths, BenchReport report, TextWriter output)
    {
        var sqlitePath = Scratch.NewFile("cte.db");
        try
        {
            var load = Stopwatch.StartNew();
            GraphCopy.ToSqlite(index, sqlitePath);
            report.Add(Suite, "[sqlite] graph load (bulk insert, not timed ingest)", load.Elapsed.TotalSeconds, "s");
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = ReverseClosureSql.Sqlite;
            var key = command.Parameters.Add("$key", SqliteType.Text);
            command.Prepare();
            Measure("sqlite", new CteRunner(command, key), workload, mostPopular, rows, paths, report, output, targetRatio: null);
        }
        finally
        {
            if (!options.Has("--keep"))
            {
                SqliteConnection.ClearAllPools();
                Scratch.DeleteDatabase(sqlitePath);
            }
        }

    }

    private static void Measure(string store, CteRunner cte, List<string> workload, string mostPopular, IndexFigures rows, IndexFigures paths, BenchReport report, TextWriter output, double? targetRatio)
    {
        var indexImages = rows.Images;
        output.WriteLine($"{store}: {workload.Count:N0} CTE queries (+20 warm-up), then {WorstRuns} runs of {mostPopular}");
        foreach (var query in workload.Take(20))
        {
            cte.Run(query);
        }

        var times = new List<double>(workload.Count);
        var agree = 0;
        for (var q = 0; q < workload.Count; q++)
        {
            var (ms, images) = cte.Run(workload[q]);
            times.Add(ms);
            agree += images == indexImages[q] ? 1 : 0;
        }

        var worst = new List<double>(WorstRuns);
        var worstImages = 0;
        for (var i = 0; i < WorstRuns; i++)
        {
            (var ms, worstImages) = cte.Run(mostPopular);
            worst.Add(ms);
        }

        var latency = new Percentiles(times);
        var worstLatency = new Percentiles(worst);
        report.Add(Suite, $"[{store} CTE] popularity-weighted p50", latency.At(50), "ms");
        report.Add(Suite, $"[{store} CTE] popularity-weighted p95", latency.At(95), "ms");
        report.Add(Suite, $"[{store} CTE] popularity-weighted p99", latency.At(99), "ms");
        report.Add(Suite, $"[{store} CTE] popularity-weighted max", latency.Max, "ms");
        report.Add(Suite, $"[{store} CTE] worst case p50", worstLatency.At(50), "ms", $"{mostPopular}: {worstImages:N0} images reached");
        report.Add(Suite, $"[{store} CTE] worst case max", worstLatency.Max, "ms");
        report.Add(Suite, $"[{store} CTE] answers with the index's image count", agree, "queries", $"of {workload.Count}");
        // The target applies to the like-for-like answer (the same rows); with paths the index does more work.
        foreach (var figures in new[] { rows, paths })
        {
            var of = figures.WithPaths ? "index with paths" : "index";
            var target = figures.WithPaths ? null : targetRatio;
            AddRatio(report, $"[{store}] CTE / {of}, popularity-weighted p50", latency.At(50) / figures.Times.At(50), target, figures.WithPaths);
            AddRatio(report, $"[{store}] CTE / {of}, popularity-weighted p99", latency.At(99) / figures.Times.At(99), null, figures.WithPaths);
            AddRatio(report, $"[{store}] CTE / {of}, worst case p50", worstLatency.At(50) / figures.Worst.At(50), target, figures.WithPaths);
        }
    }

    private static void AddRatio(BenchReport report, string name, double ratio, double? target, bool withPaths)
    {
        var note = withPaths
            ? "times faster the index answers with one shortest path per hit, which the CTE does not compute"
            : "times faster the index answers the CTE's rows (every hit's node and kind)";
        if (target is { } t)
        {
            report.AtLeast(Suite, name, ratio, "x", t, note);
        }
        else
        {
            report.Add(Suite, name, ratio, "x", note);
        }
    }

    private sealed record IndexFigures(bool WithPaths, Percentiles Times, Percentiles Worst, List<int> Images);

    /// <summary>
    /// The index query per workload query: resolve + reverse closure, then every hit read either as the CTE's
    /// row (node and kind) or as the CLI reads it (with one shortest path). Both forms run for each query in
    /// turn, so warm-up and machine load fall on both alike.
    /// </summary>
    private static (IndexFigures Rows, IndexFigures Paths) IndexTimes(GraphIndex index, List<string> workload, string mostPopular)
    {
        foreach (var query in workload.Take(50))
        {
            IndexQuery(index, query, withPaths: false);
            IndexQuery(index, query, withPaths: true);
        }

        var (rows, paths) = (new List<double>(workload.Count), new List<double>(workload.Count));
        var images = new List<int>(workload.Count);
        foreach (var query in workload)
        {
            var (ms, reached) = IndexQuery(index, query, withPaths: false);
            rows.Add(ms);
            images.Add(reached);
            paths.Add(IndexQuery(index, query, withPaths: true).Ms);
        }

        var (worstRows, worstPaths) = (new List<double>(WorstRuns), new List<double>(WorstRuns));
        for (var i = 0; i < WorstRuns; i++)
        {
            worstRows.Add(IndexQuery(index, mostPopular, withPaths: false).Ms);
            worstPaths.Add(IndexQuery(index, mostPopular, withPaths: true).Ms);
        }

        return (new IndexFigures(false, new Percentiles(rows), new Percentiles(worstRows), images),
            new IndexFigures(true, new Percentiles(paths), new Percentiles(worstPaths), images));
    }

    private static (double Ms, int Images) IndexQuery(GraphIndex index, string purl, bool withPaths)
    {
        var start = Stopwatch.GetTimestamp();
        var result = ClosureQuery.Run(index, TargetResolver.Resolve(index, purl).Nodes, Direction.Dependents);
        long read = 0;
        if (withPaths)
        {
            foreach (var hit in result.Hits)
            {
                read += hit.Path.Count;
            }
        }
        else
        {
            for (var i = 0; i < result.Count; i++)
            {
                var node = result.NodeAt(i);
                read += node + (int)index.KindOf(node);
            }
        }

        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        GC.KeepAlive(read);
        return (ms, result.CountOf(NodeKind.Image));
    }

    private static string PostgresVersion(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return "PostgreSQL " + connection.PostgreSqlVersion;
    }
}
