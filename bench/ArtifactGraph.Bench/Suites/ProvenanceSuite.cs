using System.Diagnostics;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>provenance --db FILE [--queries N] [--seed N]</c>: "which documents assert this edge" (the store's
/// GetEdgeDocuments, what <c>why</c>, <c>provenance</c> and the API's edge provenance call) for N edges drawn
/// uniformly by id from an existing SQLite store, and for the edges most documents assert (a top package's
/// dependency, asserted by nearly every image): the cost of a read over the merged segments plus the staged lists.
/// The store is opened as the CLI opens it, so an older schema is migrated first (and that time reported).
/// </summary>
internal static class ProvenanceSuite
{
    private const string Suite = "provenance";
    private const int Warmup = 50;

    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var path = options.Value("--db") ?? throw new ArgumentException("provenance needs --db FILE (an ingested SQLite store)");
        var queries = Math.Max(1, options.Int("--queries") ?? 2_000);
        var random = new Random(options.Seed);

        var open = Stopwatch.StartNew();
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path }, TimeProvider.System);
        report.Add(Suite, "store open (migrations included)", open.Elapsed.TotalMilliseconds, "ms");

        var (uniform, busiest) = Draw(path, queries + Warmup, random);
        foreach (var edge in uniform.Take(Warmup))
        {
            store.GetEdgeDocuments(edge.Kind, edge.From, edge.To);
        }

        Measure(report, store, "edges drawn uniformly by id", uniform.Skip(Warmup).ToList(), output);
        Measure(report, store, "a dependency edge of each of the 20 most listed packages", busiest, output);
        return 0;
    }

    private static void Measure(BenchReport report, SqliteGraphStore store, string what, List<Edge> edges, TextWriter output)
    {
        var times = new List<double>(edges.Count);
        long documents = 0;
        foreach (var edge in edges)
        {
            var start = Stopwatch.GetTimestamp();
            documents += store.GetEdgeDocuments(edge.Kind, edge.From, edge.To).Count;
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var latency = new Percentiles(times);
        var note = $"{edges.Count:N0} edges, {documents / (double)edges.Count:N1} documents each on average";
        output.WriteLine($"{what}: {note}");
        report.Add(Suite, $"[{what}] p50", latency.At(50), "ms", note);
        report.Add(Suite, $"[{what}] p99", latency.At(99), "ms");
        report.Add(Suite, $"[{what}] max", latency.Max, "ms");
    }

    private readonly record struct Edge(EdgeKind Kind, NodeRef From, NodeRef To);

    /// <summary>Edges by uniformly drawn id, and the edges whose nodes most documents list (read straight from the tables).</summary>
    private static (List<Edge> Uniform, List<Edge> Busiest) Draw(string path, int count, Random random)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var maxId = Scalar(connection, "SELECT max(id) FROM edges;");
        var uniform = new List<Edge>(count);
        while (uniform.Count < count)
        {
            uniform.AddRange(Edges(connection, $"WHERE e.id = {random.NextInt64(1, maxId + 1)}"));
        }

        // A DEPENDS_ON edge between package versions is asserted by every image listing its from end: pick those
        // whose from end has the most edges in.
        var busiest = Edges(connection, $"WHERE e.kind = {(int)EdgeKind.DependsOn} AND e.from_id IN (SELECT to_id FROM edges WHERE kind = {(int)EdgeKind.Contains} GROUP BY to_id ORDER BY count(*) DESC LIMIT 20) GROUP BY e.from_id");
        return (uniform, busiest);
    }

    private static List<Edge> Edges(SqliteConnection connection, string where)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT e.kind, f.kind, f.key, t.kind, t.key FROM edges e JOIN nodes f ON f.id = e.from_id JOIN nodes t ON t.id = e.to_id {where};";
        using var reader = command.ExecuteReader();
        var edges = new List<Edge>();
        while (reader.Read())
        {
            edges.Add(new Edge((EdgeKind)reader.GetInt32(0), new NodeRef((NodeKind)reader.GetInt32(1), reader.GetString(2)), new NodeRef((NodeKind)reader.GetInt32(3), reader.GetString(4))));
        }

        return edges;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
