namespace ArtifactGraph.Core.Queries;

/// <summary>
/// The deployments a dependents walk reached, kept as runs of consecutive node ids beside the image that runs them
/// instead of one tree position each (<see cref="BreadthFirst"/>, <see cref="Indexing.RunnerRanges"/>). A run is
/// (parent position, first node, count, slot of the first among the snapshot's deployments, or -1 when not known);
/// runs are in discovery order, depth by depth.
/// </summary>
internal sealed class LeafRuns
{
    private int[] _parents = new int[64];
    private int[] _firsts = new int[64];
    private int[] _counts = new int[64];
    private int[] _slots = new int[64];

    /// <summary>Where each depth's runs begin (depth 0 has none); a depth not listed has none from there on.</summary>
    public List<int> DepthStarts { get; } = [];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Parents => _parents.AsSpan(0, Count);

    public ReadOnlySpan<int> Firsts => _firsts.AsSpan(0, Count);

    public ReadOnlySpan<int> Counts => _counts.AsSpan(0, Count);

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public void Clear()
    {
        Count = 0;
        DepthStarts.Clear();
    }

    /// <summary>Runs added from now on are at <paramref name="depth"/>.</summary>
    public void BeginDepth(int depth)
    {
        while (DepthStarts.Count <= depth)
        {
            DepthStarts.Add(Count);
        }
    }

    /// <summary>The runs [Start, End) at <paramref name="depth"/>.</summary>
    public (int Start, int End) AtDepth(int depth) =>
        depth < DepthStarts.Count ? (DepthStarts[depth], depth + 1 < DepthStarts.Count ? DepthStarts[depth + 1] : Count) : (Count, Count);

    /// <summary>Adds <paramref name="count"/> deployments from <paramref name="first"/> (slot <paramref name="slot"/>), reached from <paramref name="parent"/>.</summary>
    public void Add(int parent, int first, int count, int slot)
    {
        var at = Count;
        if (at == _parents.Length)
        {
            Grow();
        }

        _parents[at] = parent;
        _firsts[at] = first;
        _counts[at] = count;
        _slots[at] = slot;
        Count = at + 1;
    }

    /// <summary>Adds one deployment whose slot is not known; joins the last run when it follows it from the same parent at the same depth.</summary>
    public void AddOne(int parent, int node)
    {
        var last = Count - 1;
        if (last >= DepthStarts[^1] && _parents[last] == parent && _slots[last] < 0 && _firsts[last] + _counts[last] == node)
        {
            _counts[last]++;
            return;
        }

        Add(parent, node, 1, -1);
    }

    private void Grow()
    {
        var size = _parents.Length * 2;
        Array.Resize(ref _parents, size);
        Array.Resize(ref _firsts, size);
        Array.Resize(ref _counts, size);
        Array.Resize(ref _slots, size);
    }
}
