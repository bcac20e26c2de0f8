using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// The writer's committed edges across documents, kept by their from node. A reader emits a node's edges
/// together (a dependency list, a component's hashes), so one lookup per node finds all of them in one small
/// array; keyed by the whole edge, each edge cost its own lookup, and at tier M those missed the CPU caches
/// (~13% of the committing thread). A node's first <see cref="RunLength"/> edges are kept in its run; further
/// ones (a cluster's thousand workloads) in a map by the whole edge. A run is allocated at its full length and filled
/// in place: copied to grow by one, a run of five edges was five arrays, each kept alive by the cache's table (old
/// and large, so every one survived its first collection) and then dropped for the next. Both have the bounds, admission and LRU
/// approximation of <see cref="RowCache{TKey, TRow}"/> (the runs in its <see cref="IdentityRowCache{TRow}"/> form).
/// </summary>
internal sealed class EdgeRowCache
{
    /// <summary>Edges kept in one node's run; its unused entries are empty (0: no edge packs to it).</summary>
    public const int RunLength = 8;

    // Kind and to-id share one key in a run: ids below 2^48 (any SQLite file this side of petabytes).
    private const int KindShift = 48;
    private const long MaxTo = (1L << KindShift) - 1;

    private readonly IdentityRowCache<Entry[]> _runs;
    private readonly RowCache<EdgeKey, CachedRow> _overflow;

    /// <param name="capacity">
    /// About how many edges to keep: a quarter of it in runs (of up to <see cref="RunLength"/> edges each, ~5 in a
    /// generated SBOM), a quarter in the map.
    /// </param>
    public EdgeRowCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _runs = new IdentityRowCache<Entry[]>(capacity / 4);
        _overflow = new RowCache<EdgeKey, CachedRow>(capacity / 4);
    }

    /// <summary>How many edges are cached (a test hook: it walks every run).</summary>
    public int Count => _runs.Values.Sum(run => new Run(0, run).Count) + _overflow.Count;

    public void StartDocument()
    {
        _runs.StartDocument();
        _overflow.StartDocument();
    }

    public void Clear()
    {
        _runs.Clear();
        _overflow.Clear();
    }

    /// <summary>The cached edges leaving <paramref name="from"/>: one lookup, then any number of <see cref="TryGet"/>.</summary>
    public Run RunOf(long from) => new(from, _runs.TryGet(RunKey(from), out var entries) ? entries : null);

    public bool TryGet(in Run run, long kind, long to, out CachedRow row)
    {
        if (run.IndexOf(Pack(kind, to)) is var at and >= 0)
        {
            row = run.Entries![at].Row;
            return true;
        }

        return _overflow.Count > 0 ? _overflow.TryGet(new EdgeKey(kind, run.From, to), out row) : Miss(out row);
    }

    /// <summary>Remembers an edge of the run's node (or what it now knows of one), growing the run while it has room.</summary>
    public void Set(ref Run run, long kind, long to, CachedRow row)
    {
        var packed = Pack(kind, to);
        if (run.IndexOf(packed) is var at and >= 0)
        {
            run.Entries![at] = new Entry(packed, row);
            return;
        }

        var free = run.IndexOf(Empty);
        if (packed <= Empty || (run.Entries is not null && free < 0))
        {
            _overflow.Set(new EdgeKey(kind, run.From, to), row);
            return;
        }

        if (run.Entries is null)
        {
            run = new Run(run.From, new Entry[RunLength]);
            _runs.Set(RunKey(run.From), run.Entries!);
            free = 0;
        }

        // In place: the cache's copy (young, old or both: the same array) sees it too.
        run.Entries![free] = new Entry(packed, row);
    }

    /// <summary>
    /// A node id as the runs' key: multiplied by an odd constant (so distinct ids stay distinct, and only id 0, which no
    /// row has, is 0), because the table probes from the low bits and consecutive ids would fill runs of slots.
    /// </summary>
    private static UInt128 RunKey(long from) => (ulong)from * 0x9E3779B97F4A7C15UL;

    // Marks an unused entry of a run; Pack never returns it (kind 0 to id 0 goes to the map, as ids past MaxTo do).
    private const long Empty = 0;

    private static long Pack(long kind, long to) => (ulong)to <= MaxTo && (ulong)kind < (1UL << (63 - KindShift)) && (kind | to) != 0 ? (kind << KindShift) | to : -1;

    private static bool Miss(out CachedRow row)
    {
        row = default;
        return false;
    }

    internal readonly record struct Entry(long KindAndTo, CachedRow Row);

    /// <summary>A node's cached edges as found by <see cref="RunOf"/>; <see cref="Set"/> replaces it when the run grows.</summary>
    internal readonly struct Run(long from, Entry[]? entries)
    {
        public long From { get; } = from;

        public Entry[]? Entries { get; } = entries;

        /// <summary>How many edges the run holds (its entries fill from the start).</summary>
        public int Count => Entries is null ? 0 : IndexOf(Empty) is var free and >= 0 ? free : Entries.Length;

        /// <summary>The entry holding <paramref name="packed"/>, or -1; with <see cref="Empty"/>, the first unused entry.</summary>
        public int IndexOf(long packed)
        {
            if (Entries is not { } entries || packed < 0)
            {
                return -1;
            }

            for (var i = 0; i < entries.Length; i++)
            {
                if (entries[i].KindAndTo == packed)
                {
                    return i;
                }

                if (entries[i].KindAndTo == Empty)
                {
                    return -1;
                }
            }

            return -1;
        }
    }
}
