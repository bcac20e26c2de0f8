using System.Collections.Concurrent;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// Whole serialised responses of queries, per index snapshot: a dashboard polling, or many responders
/// asking about the same CVE, repeat one request, and executing and serialising its ~850 fields costs
/// ~1 ms of CPU each time where writing the bytes costs ~0.1 ms (docs/BENCHMARKS-HISTORY.md, GraphQL).
/// Only the published snapshot's entries live: the first request that sees a newer snapshot drops them
/// all (one generation at a time), and an answer computed on an older snapshot is not kept. What is
/// cached, and what runs before the cache is asked (authentication, the role in the key), is the
/// runner's and the endpoint's concern; this class only holds bytes. Bounded by total bytes (bodies
/// and keys) and per body; past the bound the oldest entries go first. Identical requests that miss
/// at the same time share one execution (<see cref="ResponseFlight"/>).
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
    private long _shared;
    private long _waiting;

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

    /// <summary>
    /// The response to <paramref name="key"/> on <paramref name="snapshot"/> if one was kept, else the
    /// execution of the same request in flight to wait for, else a new flight for the caller to lead
    /// (counted as a miss). Neither when the cache is off or <paramref name="snapshot"/> is not the
    /// published one.
    /// </summary>
    public ResponseLookup Find(GraphIndex snapshot, ResponseCacheKey key)
    {
        if (!enabled)
        {
            return default;
        }

        var generation = For(snapshot);
        if (generation is not null && generation.Entries.TryGetValue(key, out var kept))
        {
            Interlocked.Increment(ref _hits);
            return new ResponseLookup(kept, null, false);
        }

        Interlocked.Increment(ref _misses);
        if (generation is null)
        {
            return default;
        }

        var mine = new ResponseFlight(generation.Flights, key);
        var flight = generation.Flights.GetOrAdd(key, mine);
        if (!ReferenceEquals(flight, mine))
        {
            return new ResponseLookup(null, flight, false);
        }

        // A leader that finished between the lookup above and GetOrAdd added its entry before leaving the
        // table: look again, so that request is not executed twice.
        if (generation.Entries.TryGetValue(key, out kept))
        {
            mine.Complete(kept);
            return new ResponseLookup(kept, null, false);
        }

        return new ResponseLookup(null, mine, true);
    }

    /// <summary>Waits for <paramref name="flight"/>'s answer (null: execute yourself), counting it as shared when it has bytes.</summary>
    public async Task<byte[]?> WaitAsync(ResponseFlight flight, TimeSpan timeout, CancellationToken aborted)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            var body = await flight.Answer.WaitAsync(timeout, aborted).ConfigureAwait(false);
            if (body is not null)
            {
                Interlocked.Increment(ref _shared);
            }

            return body;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
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
        return new ResponseCacheCounters(enabled, Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), generation.Entries.Count, Volatile.Read(ref generation.Bytes), Interlocked.Read(ref _evictions), Interlocked.Read(ref _shared), Interlocked.Read(ref _waiting));
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

        /// <summary>Executions in progress that identical requests on this snapshot wait for.</summary>
        public ConcurrentDictionary<ResponseCacheKey, ResponseFlight> Flights { get; } = new();

        /// <summary>Insertion order, for eviction (written under the cache's lock).</summary>
        public Queue<ResponseCacheKey> Order { get; } = new();

        /// <summary>Bodies, keys and overhead held (written under the cache's lock).</summary>
        public long Bytes;
    }
}

/// <summary>
/// What <c>/readyz</c> reports of the response cache: hits and misses since start, and what it holds now;
/// <see cref="Shared"/>: misses answered with the bytes of an identical request executing at the same
/// time; <see cref="Waiting"/>: requests waiting for one now.
/// </summary>
internal sealed record ResponseCacheCounters(bool Enabled, long Hits, long Misses, int Entries, long Bytes, long Evictions, long Shared = 0, long Waiting = 0);
