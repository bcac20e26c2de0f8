using System.Collections.Concurrent;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// Whole serialised responses of queries, per index snapshot: a dashboard polling, or many responders
/// asking about the same CVE, repeat one request, and executing and serialising its ~850 fields costs
/// ~1 ms of CPU each time where writing the bytes costs ~0.1 ms (docs/BENCHMARKS.md, GraphQL).
/// Only the published snapshot's entries live: the first request that sees a newer snapshot drops them
/// all (one generation at a time), and an answer computed on an older snapshot is not kept. What is
/// cached, and what runs before the cache is asked (authentication, the role in the key), is the
/// runner's and the endpoint's concern; this class only holds bytes. Bounded by total bytes (bodies
/// and keys) and per body; past the bound the oldest entries go first.
/// </summary>
internal sealed class ResponseCache(GraphIndexHolder holder, bool enabled, long maxBytes, int maxEntryBytes)
{
    /// <summary>What an entry costs beyond its body and key strings (objects, table slot, queue slot).</summary>
    internal const int EntryOverhead = 160;

    private readonly Lock _lock = new();
    private Generation _generation = new(GraphIndex.Empty);
    private long _hits;
    private long _misses;
    private long _evictions;

    public bool Enabled => enabled;

    public int MaxEntryBytes => maxEntryBytes;

    /// <summary>The response to <paramref name="key"/> on <paramref name="snapshot"/>, if one was kept.</summary>
    public bool TryGet(GraphIndex snapshot, ResponseCacheKey key, out byte[] body)
    {
        body = [];
        if (!enabled)
        {
            return false;
        }

        var generation = For(snapshot);
        if (generation is not null && generation.Entries.TryGetValue(key, out var kept))
        {
            Interlocked.Increment(ref _hits);
            body = kept;
            return true;
        }

        Interlocked.Increment(ref _misses);
        return false;
    }

    /// <summary>Keeps <paramref name="body"/>; false when it is over the per-entry bound or its snapshot is no longer the published one.</summary>
    public bool Add(GraphIndex snapshot, ResponseCacheKey key, byte[] body)
    {
        var cost = body.Length + key.Bytes + EntryOverhead;
        if (!enabled || body.Length > maxEntryBytes || cost > maxBytes)
        {
            return false;
        }

        lock (_lock)
        {
            var generation = For(snapshot);
            if (generation is null)
            {
                return false;
            }

            if (generation.Entries.ContainsKey(key))
            {
                return true;
            }

            while (generation.Bytes + cost > maxBytes && generation.Order.TryDequeue(out var oldest))
            {
                if (generation.Entries.TryRemove(oldest, out var evicted))
                {
                    generation.Bytes -= evicted.Length + oldest.Bytes + EntryOverhead;
                    _evictions++;
                }
            }

            generation.Entries[key] = body;
            generation.Order.Enqueue(key);
            generation.Bytes += cost;
            return true;
        }
    }

    public ResponseCacheCounters Counters()
    {
        var generation = Volatile.Read(ref _generation);
        return new ResponseCacheCounters(enabled, Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), generation.Entries.Count, Volatile.Read(ref generation.Bytes), Interlocked.Read(ref _evictions));
    }

    /// <summary>
    /// The generation of <paramref name="snapshot"/>: the live one; a new, empty one when
    /// <paramref name="snapshot"/> is the published snapshot and the live one is older (every old entry
    /// dropped); null when <paramref name="snapshot"/> is not the published one (a request that started
    /// before a commit: it neither reads nor writes the new generation).
    /// </summary>
    private Generation? For(GraphIndex snapshot)
    {
        var generation = Volatile.Read(ref _generation);
        if (ReferenceEquals(generation.Snapshot, snapshot))
        {
            return generation;
        }

        if (!ReferenceEquals(holder.Current, snapshot))
        {
            return null;
        }

        var fresh = new Generation(snapshot);
        var seen = Interlocked.CompareExchange(ref _generation, fresh, generation);
        return ReferenceEquals(seen, generation) ? fresh : ReferenceEquals(seen.Snapshot, snapshot) ? seen : null;
    }

    private sealed class Generation(GraphIndex snapshot)
    {
        public GraphIndex Snapshot { get; } = snapshot;

        public ConcurrentDictionary<ResponseCacheKey, byte[]> Entries { get; } = new();

        /// <summary>Insertion order, for eviction (written under the cache's lock).</summary>
        public Queue<ResponseCacheKey> Order { get; } = new();

        /// <summary>Bodies, keys and overhead held (written under the cache's lock).</summary>
        public long Bytes;
    }
}

/// <summary>What <c>/readyz</c> reports of the response cache: hits and misses since start, and what it holds now.</summary>
internal sealed record ResponseCacheCounters(bool Enabled, long Hits, long Misses, int Entries, long Bytes, long Evictions);
