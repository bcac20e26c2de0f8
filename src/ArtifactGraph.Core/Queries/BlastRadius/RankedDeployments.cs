using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// Ranked deployments of one answer, each built when it is read: a page of 50 out of 30,000 builds 50 (the
/// image and the affected version at the end of each path are found then, by following the path's parents).
/// The ranking is the deployments' places in order (<see cref="DeploymentPlaces"/>); which closure hit is at each place
/// is noted for every deployment when the first one is read, since a place says nothing of the path.
/// </summary>
public sealed class RankedDeployments : IReadOnlyList<RankedDeployment>
{
    private readonly GraphIndex _index;
    private readonly ClosureResult? _closure;
    private readonly DeploymentFacts? _facts;
    private readonly DeploymentPlaces? _placesOf;
    private readonly RankedPlaces _places;
    private readonly Dictionary<int, string?> _fixedOf;
    private readonly double? _severity;
    private int[]? _hits;

    internal RankedDeployments(GraphIndex index, ClosureResult? closure, DeploymentFacts? facts, DeploymentPlaces? placesOf, RankedPlaces places, Dictionary<int, string?> fixedOf, double? severity)
    {
        _index = index;
        _closure = closure;
        _facts = facts;
        _placesOf = placesOf;
        _places = places;
        _fixedOf = fixedOf;
        _severity = severity;
    }

    public static RankedDeployments Empty { get; } = new(GraphIndex.Empty, null, null, null, RankedPlaces.Empty, [], null);

    public int Count => _places.Count;

    public RankedDeployment this[int index] => (uint)index < (uint)_places.Count ? At(index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The environment of the <paramref name="rank"/>-th deployment (0-based), without building it.</summary>
    public string EnvironmentAt(int rank) => _facts!.EnvironmentOfOrdinal(_placesOf!.OrdinalAt(_places[rank]));

    /// <summary>The ranks (0-based, ascending) of the deployments in <paramref name="environment"/> (case-insensitive), read in one pass.</summary>
    public IReadOnlyList<int> RanksIn(string environment)
    {
        if (Count == 0)
        {
            return [];
        }

        var filter = new EnvironmentFilter(_facts!, _placesOf!, environment, []);
        _places.ForEach(ref filter);
        return filter.Ranks;
    }

    public IEnumerator<RankedDeployment> GetEnumerator()
    {
        for (var i = 0; i < _places.Count; i++)
        {
            yield return At(i);
        }
    }

    /// <summary>The closure hit of the <paramref name="rank"/>-th deployment; the first call notes every deployment's (thread-safe: a race notes the same twice).</summary>
    private int HitAt(int rank)
    {
        var hits = Volatile.Read(ref _hits) ?? Interlocked.CompareExchange(ref _hits, PlaceOrder.HitsOf(_placesOf!, _facts!, _closure!, _places), null) ?? _hits!;
        return hits[rank];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private readonly struct EnvironmentFilter(DeploymentFacts facts, DeploymentPlaces places, string environment, List<int> ranks) : IPlaceVisitor
    {
        public List<int> Ranks => ranks;

        public void Visit(int rank, int place)
        {
            if (string.Equals(facts.EnvironmentOfOrdinal(places.OrdinalAt(place)), environment, StringComparison.OrdinalIgnoreCase))
            {
                ranks.Add(rank);
            }
        }
    }

    private RankedDeployment At(int rank)
    {
        var (closure, facts) = (_closure!, _facts!);
        var hit = HitAt(rank);
        var node = closure.NodeAt(hit);
        var (image, package) = closure.ImageAndStart(hit, _index.Kinds);
        return new RankedDeployment(
            hit,
            node,
            closure.DepthAt(hit),
            facts.EnvironmentOf(node),
            facts.ClusterOf(node),
            facts.ExposureOf(node),
            facts.Of(node).Replicas,
            image,
            package,
            _fixedOf.GetValueOrDefault(package),
            _severity);
    }
}
