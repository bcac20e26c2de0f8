using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>The cache's own rules: bounds, eviction order, one live snapshot, keys compared in full.</summary>
public sealed class ResponseCacheTests
{
    private readonly GraphIndexHolder _holder = new();

    private static ResponseCacheKey Key(string query, ApiKeyRole role = ApiKeyRole.Reader) => ResponseCacheKey.TryCreate(query, null, null, role)!;

    private static long Cost(string query, int body) => body + Key(query).Bytes + ResponseCache.EntryOverhead;

    [Fact]
    public void Add_OverTheTotalBound_EvictsTheOldestFirst()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 2 * Cost("{ a }", 100), maxEntryBytes: 1_000);
        Assert.True(cache.Add(_holder.Current, Key("{ a }"), new byte[100]));
        Assert.True(cache.Add(_holder.Current, Key("{ b }"), new byte[100]));

        Assert.True(cache.Add(_holder.Current, Key("{ c }"), new byte[100]));

        Assert.False(cache.TryGet(_holder.Current, Key("{ a }"), out _));
        Assert.True(cache.TryGet(_holder.Current, Key("{ b }"), out _));
        Assert.True(cache.TryGet(_holder.Current, Key("{ c }"), out _));
        var counters = cache.Counters();
        Assert.Equal((2, 1L), (counters.Entries, counters.Evictions));
        Assert.Equal(2 * Cost("{ a }", 100), counters.Bytes);
    }

    [Fact]
    public void Add_BodyOverTheEntryBound_NotKept()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 1 << 20, maxEntryBytes: 100);

        Assert.False(cache.Add(_holder.Current, Key("{ a }"), new byte[101]));
        Assert.True(cache.Add(_holder.Current, Key("{ b }"), new byte[100]));

        Assert.Equal(1, cache.Counters().Entries);
    }

    [Fact]
    public void Add_SnapshotNoLongerPublished_NotKept()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 1 << 20, maxEntryBytes: 1_000);
        var older = new GraphIndexBuilder().Build(1);

        Assert.False(cache.Add(older, Key("{ a }"), [1]));
        Assert.False(cache.TryGet(older, Key("{ a }"), out _));
    }

    [Fact]
    public void TryGet_SameTextOtherRole_Miss()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 1 << 20, maxEntryBytes: 1_000);
        cache.Add(_holder.Current, Key("{ a }"), [1, 2, 3]);

        Assert.False(cache.TryGet(_holder.Current, Key("{ a }", ApiKeyRole.Admin), out _));
        Assert.True(cache.TryGet(_holder.Current, Key("{ a }"), out var body));
        Assert.Equal([1, 2, 3], body);
        Assert.Equal((1L, 1L), (cache.Counters().Hits, cache.Counters().Misses));
    }

    [Fact]
    public void TryGet_Disabled_NeverKeepsNorCounts()
    {
        var cache = new ResponseCache(_holder, enabled: false, maxBytes: 1 << 20, maxEntryBytes: 1_000);

        Assert.False(cache.Add(_holder.Current, Key("{ a }"), [1]));
        Assert.False(cache.TryGet(_holder.Current, Key("{ a }"), out _));
        Assert.Equal(new ResponseCacheCounters(false, 0, 0, 0, 0, 0), cache.Counters());
    }

    [Fact]
    public async Task Find_IdenticalMissWhileOneExecutes_WaitsForItsBytes()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 1 << 20, maxEntryBytes: 1_000);
        var leader = cache.Find(_holder.Current, Key("{ a }"));

        var waiter = cache.Find(_holder.Current, Key("{ a }"));
        var waiting = cache.WaitAsync(waiter.Flight!, TimeSpan.FromSeconds(30), CancellationToken.None);
        cache.Add(_holder.Current, Key("{ a }"), [1, 2]);
        leader.Flight!.Complete([1, 2]);

        Assert.True(leader.Leads);
        Assert.False(waiter.Leads);
        Assert.Same(leader.Flight, waiter.Flight);
        Assert.Equal([1, 2], await waiting);
        Assert.Equal((2L, 1L, 0L), (cache.Counters().Misses, cache.Counters().Shared, cache.Counters().Waiting));
        Assert.Equal([1, 2], cache.Find(_holder.Current, Key("{ a }")).Body);
    }

    [Fact]
    public void Find_OtherRoleWhileOneExecutes_LeadsItsOwn()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 1 << 20, maxEntryBytes: 1_000);
        var reader = cache.Find(_holder.Current, Key("{ a }"));

        var admin = cache.Find(_holder.Current, Key("{ a }", ApiKeyRole.Admin));
        var otherQuery = cache.Find(_holder.Current, Key("{ b }"));

        Assert.True(reader.Leads && admin.Leads && otherQuery.Leads);
        Assert.NotSame(reader.Flight, admin.Flight);
    }

    [Fact]
    public async Task Find_LeaderCompletedWithNothing_WaiterToldToExecuteAndNextLeads()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 1 << 20, maxEntryBytes: 1_000);
        var leader = cache.Find(_holder.Current, Key("{ a }"));
        var waiter = cache.Find(_holder.Current, Key("{ a }"));
        var waiting = cache.WaitAsync(waiter.Flight!, TimeSpan.FromSeconds(30), CancellationToken.None);

        leader.Flight!.Complete(null);
        leader.Flight.Complete([9]);

        Assert.Null(await waiting);
        Assert.Equal(0L, cache.Counters().Shared);
        var next = cache.Find(_holder.Current, Key("{ a }"));
        Assert.True(next.Leads);
        Assert.NotSame(leader.Flight, next.Flight);
    }

    [Fact]
    public async Task WaitAsync_LeaderNeverCompletes_BoundedByTheTimeout()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 1 << 20, maxEntryBytes: 1_000);
        cache.Find(_holder.Current, Key("{ a }"));
        var waiter = cache.Find(_holder.Current, Key("{ a }"));

        await Assert.ThrowsAsync<TimeoutException>(() => cache.WaitAsync(waiter.Flight!, TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.Equal(0L, cache.Counters().Waiting);
    }

    [Fact]
    public void Find_SnapshotNoLongerPublishedOrDisabled_NoFlight()
    {
        var cache = new ResponseCache(_holder, enabled: true, maxBytes: 1 << 20, maxEntryBytes: 1_000);
        var off = new ResponseCache(_holder, enabled: false, maxBytes: 1 << 20, maxEntryBytes: 1_000);

        var older = cache.Find(new GraphIndexBuilder().Build(1), Key("{ a }"));
        var disabled = off.Find(_holder.Current, Key("{ a }"));

        Assert.Equal(default, older);
        Assert.Equal(default, disabled);
    }

    [Fact]
    public void Equals_SameHashOtherParts_NotEqual()
    {
        // A collision cannot be forced through XxHash128; equal hashes are only the first test of Equals,
        // so keys that differ in any part never match, whatever their hashes.
        var a = Key("{ a }");
        var b = ResponseCacheKey.TryCreate("{ a }", "Op", null, ApiKeyRole.Reader)!;

        Assert.NotEqual(a, b);
        Assert.Equal(a, Key("{ a }"));
        Assert.Equal(a.GetHashCode(), Key("{ a }").GetHashCode());
    }

    [Fact]
    public void Options_BoundsOutOfRange_ListedAsErrors()
    {
        var errors = new ServerOptions { ResponseCacheMaxBytes = 1_000, ResponseCacheMaxEntryBytes = 2_000 }.Errors();
        var zero = new ServerOptions { ResponseCacheMaxEntryBytes = 0 }.Errors();

        Assert.Contains(errors, e => e.Contains(nameof(ServerOptions.ResponseCacheMaxEntryBytes), StringComparison.Ordinal));
        Assert.Contains(zero, e => e.Contains(nameof(ServerOptions.ResponseCacheMaxEntryBytes), StringComparison.Ordinal));
    }
}
