using System.Text.Json;

namespace ArtifactGraph.Bench.Suites;

/// <summary>The server's response-cache counters as <c>/readyz</c> reports them (hits and misses since start).</summary>
internal readonly record struct ResponseCacheCounters(long Hits, long Misses)
{
    public static ResponseCacheCounters operator -(ResponseCacheCounters after, ResponseCacheCounters before) =>
        new(after.Hits - before.Hits, after.Misses - before.Misses);

    /// <summary>Hits over lookups; NaN when nothing was looked up (the cache turned off).</summary>
    public double HitRate => Hits + Misses == 0 ? double.NaN : (double)Hits / (Hits + Misses);

    public static async Task<ResponseCacheCounters> ReadAsync(RunningServer server)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        using var ready = JsonDocument.Parse(await http.GetStringAsync(new Uri("/readyz", UriKind.Relative)).ConfigureAwait(false));
        var cache = ready.RootElement.GetProperty("responseCache");
        return new ResponseCacheCounters(cache.GetProperty("hits").GetInt64(), cache.GetProperty("misses").GetInt64());
    }
}
