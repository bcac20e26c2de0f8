using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary>
/// Blast-radius answers of one index snapshot, by request: an incident brings many analysts and
/// dashboards to the same vulnerability, and paging through its images repeats the same question, so
/// the walk, the advisory matching and the store reads run once per (request, snapshot). The cache
/// hangs off the snapshot (a <see cref="ConditionalWeakTable{TKey, TValue}"/> keyed by the
/// <see cref="GraphIndex"/>): every commit publishes a new snapshot, so a new document is answered
/// from a new, empty cache, and an old snapshot's answers go with it. Bounded per snapshot by entries
/// and by hits held; when a bound is reached the snapshot's cache starts over.
/// </summary>
internal sealed class BlastRadiusCache
{
    public const int DefaultCapacity = 64;

    /// <summary>Closure hits held over all cached answers (a worst-case answer on a large graph holds ~10^5).</summary>
    public const long DefaultMaxHits = 2_000_000;

    private static readonly ConditionalWeakTable<GraphIndex, BlastRadiusCache> Snapshots = [];

    private readonly GraphIndex _index;
    private readonly IGraphStore _store;
    private readonly Lazy<AdvisoryCatalog> _catalog;
    private readonly ConcurrentDictionary<Key, Lazy<BlastRadiusAnswer>> _answers = new();
    private readonly Lock _lock = new();
    private readonly int _capacity;
    private readonly long _maxHits;
    private long _hits;

    internal BlastRadiusCache(GraphIndex index, IGraphStore store, int capacity = DefaultCapacity, long maxHits = DefaultMaxHits)
    {
        _index = index;
        _store = store;
        _capacity = capacity;
        _maxHits = maxHits;
        _catalog = new Lazy<AdvisoryCatalog>(() => Catalogs.For(index, store));
    }

    /// <summary>The cache of <paramref name="index"/>'s snapshot (created on first use).</summary>
    public static BlastRadiusCache For(GraphIndex index, IGraphStore store) => Snapshots.GetValue(index, i => new BlastRadiusCache(i, store));

    public int Count => _answers.Count;

    /// <summary>The answer to <paramref name="request"/> on this snapshot; computed once, however many ask at once.</summary>
    public BlastRadiusAnswer Get(BlastRadiusRequest request)
    {
        var key = Key.Of(request);
        if (_answers.TryGetValue(key, out var known))
        {
            return Value(key, known);
        }

        lock (_lock)
        {
            if (_answers.Count >= _capacity || _hits >= _maxHits)
            {
                _answers.Clear();
                _hits = 0;
            }

            known = _answers.GetOrAdd(key, _ => new Lazy<BlastRadiusAnswer>(() => Compute(request)));
        }

        return Value(key, known);
    }

    private BlastRadiusAnswer Compute(BlastRadiusRequest request)
    {
        var answer = new BlastRadiusAnswer(BlastRadiusQuery.Run(_index, _catalog.Value, _store, request));
        Interlocked.Add(ref _hits, answer.Result.Closure.Count);
        return answer;
    }

    private BlastRadiusAnswer Value(Key key, Lazy<BlastRadiusAnswer> lazy)
    {
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed computation (the store unreadable for a moment) is not kept: the next request retries.
            _answers.TryRemove(new KeyValuePair<Key, Lazy<BlastRadiusAnswer>>(key, lazy));
            throw;
        }
    }

    /// <summary>Everything that changes the answer; environments joined (a list compares by reference).</summary>
    private readonly record struct Key(string? Vulnerability, string? Purl, string? Range, string? Digest, bool IgnoreVex, int? MaxDepth, string Environments)
    {
        public static Key Of(BlastRadiusRequest r) =>
            new(r.Vulnerability, r.Purl, r.Range, r.Digest, r.IgnoreVex, r.MaxDepth, string.Join('\n', r.EnvironmentOrder));
    }
}

/// <summary>A blast-radius result with what its fields derive from it once (the image hits, in answer order).</summary>
internal sealed class BlastRadiusAnswer(BlastRadiusResult result)
{
    private int[]? _imageHits;

    public BlastRadiusResult Result { get; } = result;

    /// <summary>Positions in <see cref="BlastRadiusResult.Closure"/> of the Image hits.</summary>
    public IReadOnlyList<int> ImageHits => _imageHits ??= Result.Closure.IndicesOf(NodeKind.Image);
}
