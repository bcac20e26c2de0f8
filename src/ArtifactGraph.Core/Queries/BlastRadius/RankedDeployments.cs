using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// Ranked deployments of one answer, each built when it is read: a page of 50 out of 30,000 builds 50 (the
/// image and the affected version at the end of each path are found then, by following the path's parents).
/// </summary>
public sealed class RankedDeployments : IReadOnlyList<RankedDeployment>
{
    private readonly GraphIndex _index;
    private readonly ClosureResult? _closure;
    private readonly DeploymentFacts? _facts;
    private readonly int[] _hits;
    private readonly Dictionary<int, string?> _fixedOf;
    private readonly double? _severity;

    internal RankedDeployments(GraphIndex index, ClosureResult? closure, DeploymentFacts? facts, int[] hits, Dictionary<int, string?> fixedOf, double? severity)
    {
        _index = index;
        _closure = closure;
        _facts = facts;
        _hits = hits;
        _fixedOf = fixedOf;
        _severity = severity;
    }

    public static RankedDeployments Empty { get; } = new(GraphIndex.Empty, null, null, [], [], null);

    public int Count => _hits.Length;

    public RankedDeployment this[int index] => (uint)index < (uint)_hits.Length ? At(index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The environment of the <paramref name="rank"/>-th deployment (0-based), without building it.</summary>
    public string EnvironmentAt(int rank) => _facts!.EnvironmentOf(_closure!.NodeAt(_hits[rank]));

    public IEnumerator<RankedDeployment> GetEnumerator()
    {
        for (var i = 0; i < _hits.Length; i++)
        {
            yield return At(i);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private RankedDeployment At(int rank)
    {
        var (closure, facts) = (_closure!, _facts!);
        var hit = _hits[rank];
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
