using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ArtifactGraph.Bench.Baselines;
using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Storage.Sqlite;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>graphql [--tier S] [--images N] [--seed N] [--seconds 10] [--warmup 15] [--connections 64] [--variables]</c>:
/// the tier's graph (built --direct, copied into a SQLite store) plus an OSV advisory for its most popular
/// package (ingested through the real Ingestor), served by the real server (ServerHost, Kestrel on
/// loopback, index loaded by IndexLoader) three times: with its response cache (default; repeat requests),
/// without (execution, on the server's own executor: the default) and without on GraphQL.NET's executor
/// (<c>Server:FastExecution=false</c>); then a closed-loop load of the same 50-hit blastRadius page from
/// <c>connections</c> connections against each, against a static GraphQL.NET schema that returns the same
/// JSON without doing anything, and against an endpoint writing the same bytes with no GraphQL (the HTTP
/// floor) (DESIGN.md §8: ≥ 5,000 req/s, p99 ≤ 25 ms). <c>--variables</c>: the same page as an operation
/// with variables (<see cref="VariablesQuery"/>), its arguments sent in the request's <c>variables</c>, as
/// GraphiQL, Apollo and scripts send them.
/// </summary>
internal static class GraphQLSuite
{
    private const string Suite = "graphql";
    private const int PageSize = 50;

    /// <summary>A realistic page: the count, then 50 images with depth and the path down to the affected package.</summary>
    public static readonly string Query =
        $"{{ blastRadius(vulnerability: \"{BenchAdvisory.Cve}\") {{ counts {{ images }} images(first: {PageSize}) {{ totalCount edges {{ depth node {{ id kind key name }} path {{ edge direction node {{ kind key }} }} }} }} }} }}";

    /// <summary>The same page with its arguments as variables; the answer is the same bytes.</summary>
    public static readonly string VariablesQuery =
        "query Page($vulnerability: String, $first: Int) { blastRadius(vulnerability: $vulnerability) { counts { images } images(first: $first) { totalCount edges { depth node { id kind key name } path { edge direction node { kind key } } } } } }";

    public static int Run(BenchOptions options, BenchReport report, TextWriter output) =>
        RunAsync(options, report, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options, BenchReport report, TextWriter output)
    {
        var tier = Tier.Parse(options.Value("--tier"), options.Int("--images"));
        var seconds = TimeSpan.FromSeconds(options.Int("--seconds") ?? 10);
        var warmUp = TimeSpan.FromSeconds(options.Int("--warmup") ?? 15);
        var connections = options.Int("--connections") ?? 64;
        if (connections < 1 || seconds <= TimeSpan.Zero)
        {
            throw new ArgumentException("--connections and --seconds must be at least 1");
        }

        var db = Scratch.NewFile("graphql.db");
        var requestLog = Path.Combine(Path.GetDirectoryName(db)!, "requests.log");
        var console = Console.Out;
        try
        {
            var package = Prepare(tier, options.Seed, db, report, output);
            var expected = CoreAnswer(db);
            if (expected.Images < PageSize)
            {
                throw new ArgumentException($"the advisory reaches {expected.Images} images, fewer than a page of {PageSize}: use a larger --images");
            }

            report.Facts["graphql.advisory"] = $"{BenchAdvisory.Describe(package)}: {expected.Images:N0} images in the blast radius";
            var variables = options.Has("--variables");
            report.Facts["graphql.query"] = variables ? $"{VariablesQuery} with variables {{ vulnerability: {BenchAdvisory.Cve}, first: {PageSize} }}" : Query;
            report.Facts["graphql.load"] = $"{connections} connections, closed loop, from the servers' process; each endpoint warmed up {warmUp.TotalSeconds:0} s (raw bytes half), then timed {seconds.TotalSeconds:0} s (after 1 s more); then each from 1 connection";
            report.Facts["graphql.request log"] = $"all servers log one line per request (Serilog console sink); during the run the console goes to {requestLog}";
            var body = variables
                ? JsonSerializer.SerializeToUtf8Bytes(new { query = VariablesQuery, variables = new { vulnerability = BenchAdvisory.Cve, first = PageSize } })
                : JsonSerializer.SerializeToUtf8Bytes(new { query = Query });

            // The servers' console logging (a line per request) goes to a file while they run; the bench's own
            // lines still reach the original console through `output`.
            using var log = new StreamWriter(requestLog) { AutoFlush = true };
            Console.SetOut(log);

            // The servers run side by side; each is warmed up (JIT tiering, pools) before any is timed, so
            // none profits from code another warmed, then each is timed alone. The real server runs twice:
            // with the response cache (the default: repeat requests answered with the kept bytes) and
            // without it (every request executed: what GraphQL.NET costs for this answer).
            await using var server = await RunningServer.StartArtifactGraphAsync(db);
            await using var uncached = await RunningServer.StartArtifactGraphAsync(db, "--Server:ResponseCacheEnabled=false");

            // The same without the server's own executor (FastExecutor): every request through GraphQL.NET's
            // execution, the A/B of that executor within one run.
            await using var graphQLNet = await RunningServer.StartArtifactGraphAsync(db, "--Server:ResponseCacheEnabled=false", "--Server:FastExecution=false");
            var (answer, answerBytes) = await FirstAnswerAsync(uncached.GraphQL, body);
            Check(answer, expected);
            report.Facts["graphql.answer"] = $"{answerBytes.Length:N0} bytes, {PageSize} images with paths; equal to BlastRadiusQuery's on the same store";
            await using var fixedServer = await StaticGraphQLHost.StartAsync(new StaticBlastRadiusSchema(StaticBlastRadiusSchema.From(answer)), answerBytes);
            foreach (var (label, other) in new[] { ("the static schema", fixedServer), ("the server with its cache", server), ("the server on GraphQL.NET's executor", graphQLNet) })
            {
                var (_, otherBytes) = await FirstAnswerAsync(other.GraphQL, body);
                if (!otherBytes.AsSpan().SequenceEqual(answerBytes))
                {
                    throw new InvalidOperationException($"{label} answers {otherBytes.Length} bytes, unlike the uncached server's {answerBytes.Length}");
                }
            }

            var endpoints = new (string Label, Uri Endpoint, RunningServer? Counted, bool Targets)[]
            {
                ("server, cache on", server.GraphQL, server, true),
                ("server, cache off", uncached.GraphQL, null, true),
                ("server, cache off, GraphQL.NET executor", graphQLNet.GraphQL, null, false),
                ("static resolver", fixedServer.GraphQL, null, false),
                ("raw bytes, no GraphQL", fixedServer.Raw, null, false),
            };
            output.WriteLine($"server (cache on) at {server.Address}, server (cache off) at {uncached.Address}, static resolver at {fixedServer.Address}: the same {answerBytes.Length:N0}-byte answer; warming up each for {warmUp.TotalSeconds:0} s");
            var warmUpErrors = 0;
            foreach (var (label, endpoint, _, _) in endpoints)
            {
                warmUpErrors += (await HttpLoad.RunAsync(endpoint, body, answerBytes, connections, TimeSpan.Zero, label.StartsWith("raw", StringComparison.Ordinal) ? warmUp / 2 : warmUp)).Errors;
            }

            output.WriteLine($"{connections} connections, {seconds.TotalSeconds:0} s each (load {MachineInfo.LoadAverage()})");
            var timed = new List<(string Label, LoadResult Result, bool Targets)>();
            var hits = new ResponseCacheCounters(0, 0);
            foreach (var (label, endpoint, counted, targets) in endpoints)
            {
                var before = counted is null ? default : await ResponseCacheCounters.ReadAsync(counted);
                timed.Add((label, await HttpLoad.RunAsync(endpoint, body, answerBytes, connections, TimeSpan.FromSeconds(1), seconds), targets));
                if (counted is not null)
                {
                    hits = await ResponseCacheCounters.ReadAsync(counted) - before;
                }
            }

            // Then one connection: the CPU each request costs without 64 requests competing for 2 cores (less
            // sensitive to the machine's load than the concurrent figures).
            var sequential = TimeSpan.FromSeconds(Math.Max(2, seconds.TotalSeconds / 2));
            output.WriteLine($"1 connection, {sequential.TotalSeconds:0} s each (load {MachineInfo.LoadAverage()})");
            var alone = new List<(string Label, LoadResult Result)>();
            foreach (var (label, endpoint, _, _) in endpoints)
            {
                var result = await HttpLoad.RunAsync(endpoint, body, answerBytes, 1, TimeSpan.FromSeconds(1), sequential);
                warmUpErrors += result.Errors;
                alone.Add((label, result));
            }

            report.Facts["graphql.load after the timed runs"] = MachineInfo.LoadAverage();
            report.AtMost(Suite, "errors during warm-up and 1-connection runs", warmUpErrors, "requests", 0);

            Console.SetOut(console);
            report.Facts["graphql.request log lines"] = File.ReadLines(requestLog).Count().ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            report.Facts["graphql.cache"] = "cache on: the same request repeated, so every timed request after the first (warm-up) is a hit: it measures repeat requests (a dashboard, many responders asking about one CVE); cache off measures execution";
            foreach (var (label, result, targets) in timed)
            {
                Describe(report, label, result, targets);
            }

            report.Add(Suite, "[server, cache on] hit rate in the timed window", hits.HitRate * 100, "%", $"{hits.Hits:N0} hits, {hits.Misses:N0} misses (from /readyz)");
            var (cached, real, graphQLNetOnly, fixedAnswer, raw) = (timed[0].Result, timed[1].Result, timed[2].Result, timed[3].Result, timed[4].Result);
            report.Add(Suite, "throughput, cache off: own executor / GraphQL.NET executor", real.RequestsPerSecond / graphQLNetOnly.RequestsPerSecond, "x");
            report.Add(Suite, "CPU per request, cache off: own executor / GraphQL.NET executor", real.CpuMsPerRequest / graphQLNetOnly.CpuMsPerRequest, "x");
            report.Add(Suite, "throughput, cache on / cache off", cached.RequestsPerSecond / real.RequestsPerSecond, "x");
            report.Add(Suite, "throughput, static / server cache off", fixedAnswer.RequestsPerSecond / real.RequestsPerSecond, "x");
            report.Add(Suite, "p99, server cache off / static", real.Latency.At(99) / fixedAnswer.Latency.At(99), "x");
            report.Add(Suite, "throughput, raw bytes / server cache off", raw.RequestsPerSecond / real.RequestsPerSecond, "x");
            report.Add(Suite, "throughput, raw bytes / server cache on", raw.RequestsPerSecond / cached.RequestsPerSecond, "x");
            foreach (var (label, result) in alone)
            {
                report.Add(Suite, $"[{label}, 1 connection] latency p50", result.Latency.At(50), "ms");
                report.Add(Suite, $"[{label}, 1 connection] process CPU per request", result.CpuMsPerRequest, "ms", $"{result.Requests:N0} requests");
            }

            foreach (var (label, result, _) in timed)
            {
                if (result.Errors > 0)
                {
                    output.WriteLine($"ERROR ({label}): {result.Errors:N0} failed requests; first: {result.FirstError}");
                }
            }

            return timed.Sum(t => t.Result.Errors) + warmUpErrors > 0 ? 1 : 0;
        }
        finally
        {
            Console.SetOut(console);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);
        }
    }

    /// <summary>The tier's graph --direct, copied into a fresh store, plus the advisory; returns the affected package.</summary>
    private static string Prepare(Tier tier, int seed, string db, BenchReport report, TextWriter output)
    {
        output.WriteLine($"building tier {tier.Name} (seed {seed}, {tier.Images:N0} images) --direct and copying it into {db}");
        var corpus = Corpus.Create(tier, seed);
        var (index, _) = DirectGraph.Build(corpus);
        var package = QueryWorkload.Draw(index, 1, seed).MostPopular;
        GraphCopy.ToSqlite(index, db);
        report.Facts["graphql.graph"] = $"tier {tier.Name} --direct, seed {seed}, {tier.Images:N0} images + {tier.BaseImages} base images: {index.NodeCount:N0} nodes, {index.EdgeCount:N0} edges, copied into SQLite";
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = db }, TimeProvider.System);
        BenchAdvisory.Ingest(store, package);
        return package;
    }

    private sealed record Expected(int Images, IReadOnlyList<string> FirstPage);

    /// <summary>What the CLI's blast-radius answers on the same store: the image count and the first page's keys.</summary>
    private static Expected CoreAnswer(string db)
    {
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = db }, TimeProvider.System);
        var index = new GraphIndexHolder().LoadFrom(store);
        var result = BlastRadiusQuery.Run(index, AdvisoryCatalog.Load(store, index), store, new BlastRadiusRequest { Vulnerability = BenchAdvisory.Cve });
        var images = Enumerable.Range(0, result.Closure.Count).Select(result.Closure.NodeAt).Where(n => index.KindOf(n) == NodeKind.Image).ToList();
        return new Expected(images.Count, images.Take(PageSize).Select(index.KeyOf).ToList());
    }

    private static async Task<(JsonElement BlastRadius, byte[] Bytes)> FirstAnswerAsync(Uri endpoint, byte[] body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var root = JsonDocument.Parse(bytes).RootElement;
        if (!response.IsSuccessStatusCode || root.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        }

        return (root.GetProperty("data").GetProperty("blastRadius").Clone(), bytes);
    }

    private static void Check(JsonElement answer, Expected expected)
    {
        var images = answer.GetProperty("images");
        var edges = images.GetProperty("edges").EnumerateArray().ToList();
        var keys = edges.Select(e => e.GetProperty("node").GetProperty("key").GetString()!).ToList();
        var problem = (answer.GetProperty("counts").GetProperty("images").GetInt32(), images.GetProperty("totalCount").GetInt32()) switch
        {
            var (count, _) when count != expected.Images => $"counts.images {count}, BlastRadiusQuery {expected.Images}",
            var (_, total) when total != expected.Images => $"totalCount {total}, BlastRadiusQuery {expected.Images}",
            _ when !keys.SequenceEqual(expected.FirstPage) => "the page's images differ from BlastRadiusQuery's first page",
            _ when edges.Any(e => e.GetProperty("path").GetArrayLength() < 2) => "an image without a path down to the affected package",
            _ => null,
        };
        if (problem is not null)
        {
            throw new InvalidOperationException($"the server's answer is not the real one: {problem}");
        }
    }

    private static void Describe(BenchReport report, string label, LoadResult result, bool targets)
    {
        report.Add(Suite, $"[{label}] requests", result.Requests, "requests");
        if (targets)
        {
            report.AtLeast(Suite, $"[{label}] throughput", result.RequestsPerSecond, "req/s", 5_000);
        }
        else
        {
            report.Add(Suite, $"[{label}] throughput", result.RequestsPerSecond, "req/s");
        }

        report.Add(Suite, $"[{label}] latency p50", result.Latency.At(50), "ms");
        report.Add(Suite, $"[{label}] latency p95", result.Latency.At(95), "ms");
        if (targets)
        {
            report.AtMost(Suite, $"[{label}] latency p99", result.Latency.At(99), "ms", 25);
        }
        else
        {
            report.Add(Suite, $"[{label}] latency p99", result.Latency.At(99), "ms");
        }

        report.Add(Suite, $"[{label}] latency max", result.Latency.Max, "ms");
        report.AtMost(Suite, $"[{label}] errors", result.Errors, "requests", 0, result.FirstError);
        report.Add(Suite, $"[{label}] process CPU (servers + load generator)", result.CoresUsed, "cores", $"of {Environment.ProcessorCount}");
        report.Add(Suite, $"[{label}] process CPU per request", result.CpuMsPerRequest, "ms", "server and load generator together");
        report.Add(Suite, $"[{label}] CPU-bound ceiling on {Environment.ProcessorCount} idle cores", Environment.ProcessorCount / result.CpuMsPerRequest * 1000, "req/s", "cores / CPU per request: what the same work would reach with the machine to itself");
        report.Add(Suite, $"[{label}] GCs during the timed window (gen0)", result.Gen0, "gen0", $"gen2: {result.Gen2}");
        report.Add(Suite, $"[{label}] allocated per request", result.KiBAllocatedPerRequest, "KiB", "the whole process: servers and load generator");
    }
}
