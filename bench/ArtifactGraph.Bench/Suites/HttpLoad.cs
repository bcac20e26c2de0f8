using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ArtifactGraph.Bench.Reporting;

namespace ArtifactGraph.Bench.Suites;

/// <summary>What one load run measured over its timed window (warm-up excluded).</summary>
internal sealed record LoadResult(int Requests, int Errors, double Seconds, Percentiles Latency, string? FirstError, double CpuSeconds, int Gen0, int Gen2, long AllocatedBytes)
{
    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>Process CPU time over wall time: how many of the machine's cores the whole process used.</summary>
    public double CoresUsed => CpuSeconds / Seconds;

    public double CpuMsPerRequest => Requests == 0 ? double.NaN : CpuSeconds * 1000 / Requests;

    /// <summary>Bytes the whole process allocated per request (servers and load generator): what feeds the gen0 GCs.</summary>
    public double KiBAllocatedPerRequest => Requests == 0 ? double.NaN : AllocatedBytes / 1024.0 / Requests;
}

/// <summary>
/// A closed-loop load generator: <c>connections</c> worker tasks share one <see cref="HttpClient"/> whose
/// handler keeps at most that many connections, and each loops POSTing the same body, so at most
/// <c>connections</c> requests are in flight at any time. Every response must be 200 and byte-equal to
/// <c>expected</c> (the answer checked once before the run): anything else is an error.
/// Latency is from before <see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/> to the
/// last body byte read; successful requests completing during warm-up are not recorded.
/// </summary>
internal static class HttpLoad
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<LoadResult> RunAsync(Uri endpoint, byte[] body, byte[] expected, int connections, TimeSpan warmUp, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections)
            .Select(_ => Task.Run(() => WorkerAsync(client, endpoint, body, expected, measureFrom, measureTo)))
            .ToArray();

        if (warmUp > TimeSpan.Zero)
        {
            await Task.Delay(warmUp).ConfigureAwait(false);
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes();
        await Task.Delay(duration).ConfigureAwait(false);
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        (gen0, gen2) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2);

        var samples = await Task.WhenAll(workers).ConfigureAwait(false);
        var latencies = samples.SelectMany(s => s.Latencies).ToList();
        var errors = samples.Sum(s => s.Errors);
        return new LoadResult(latencies.Count + errors, errors, duration.TotalSeconds, new Percentiles(latencies), samples.Select(s => s.FirstError).FirstOrDefault(e => e is not null), cpu, gen0, gen2, allocated);
    }

    private sealed record WorkerSamples(List<double> Latencies, int Errors, string? FirstError);

    private static async Task<WorkerSamples> WorkerAsync(HttpClient client, Uri endpoint, byte[] body, byte[] expected, long measureFrom, long measureTo)
    {
        var latencies = new List<double>(16_384);
        var errors = 0;
        string? firstError = null;
        while (Stopwatch.GetTimestamp() < measureTo)
        {
            var start = Stopwatch.GetTimestamp();
            string? error;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = Json;
                request.Headers.Accept.ParseAdd("application/graphql-response+json");
                using var response = await client.SendAsync(request).ConfigureAwait(false);
                var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                error = response.StatusCode != HttpStatusCode.OK || !answer.AsSpan().SequenceEqual(expected)
                    ? $"HTTP {(int)response.StatusCode}, {answer.Length} bytes (expected 200, {expected.Length} bytes): {Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 400)))}"
                    : null;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
            }

            var end = Stopwatch.GetTimestamp();
            if (error is not null)
            {
                // Errors count whenever they happen, warm-up included: any error fails the run.
                errors++;
                firstError ??= error;
            }
            else if (end >= measureFrom && end <= measureTo)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
            }
        }

        return new WorkerSamples(latencies, errors, firstError);
    }
}
