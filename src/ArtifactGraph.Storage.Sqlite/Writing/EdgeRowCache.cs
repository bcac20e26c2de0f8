using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// The writer's committed edges across documents, kept by their from node. A reader emits a node's edges
/// together (a dependency list, a component's hashes), so one lookup per node finds all of them in one small
/// array; keyed by the whole edge, each edge cost its own lookup, and at tier M those missed the CPU caches
/// (~13% of the committing thread). A node's first <see cref="RunLength"/> edges are kept in its run; further
/// ones (a cluster's thousand workloads) in a map by the whole edge. Both have the bounds, admission and LRU
/// approximation of <see cref="RowCache{TKey, TRow}"/> (the runs in its <see cref="IdentityRowCache{TRow}"/> form).
/// </summary>
internal sealed class EdgeRowCache
{
    /// <summary>Edges kept in one node's run; a run is copied to grow, so it stays exactly its length.</summary>
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
    public int Count => _runs.Values.Sum(run => run.Length) + _overflow.Count;

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

        var length = run.Entries?.Length ?? 0;
        if (packed < 0 || length >= RunLength)
        {
            _overflow.Set(new EdgeKey(kind, run.From, to), row);
            return;
        }

        var grown = new Entry[length + 1];
        run.Entries?.CopyTo(grown, 0);
        grown[length] = new Entry(packed, row);
        run = new Run(run.From, grown);
        _runs.Set(RunKey(run.From), grown);
    }

    /// <summary>
    /// A node id as the runs' key: multiplied by an odd constant (so distinct ids stay distinct, and only id 0, which no
    /// row has, is 0), because the table probes from the low bits and consecutive ids would fill runs of slots.
    /// </summary>
    private static UInt128 RunKey(long from) => (ulong)from * 0x9E3779B97F4A7C15UL;

    private static long Pack(long kind, long to) => (ulong)to <= MaxTo && (ulong)kind < (1UL << (63 - KindShift)) ? (kind << KindShift) | to : -1;

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
            }

            return -1;
        }
    }
}
