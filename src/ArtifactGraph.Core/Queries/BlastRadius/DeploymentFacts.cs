using System.Globalization;
using System.Runtime.CompilerServices;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.BlastRadius;

/// <summary>
/// What ranks a deployment, per snapshot: its environment, cluster, exposure and replicas (read once from the
/// store's inventory properties, <c>deploy:*</c> and <c>live:*</c>) and its place among all deployments by key.
/// <para>
/// A popular package reaches tens of thousands of deployments; reading their properties from the store,
/// decoding their keys and comparing them as strings on every query was most of a blast-radius answer.
/// Facts are read the first time a query reaches a deployment and kept for the snapshot (a commit publishes a
/// new snapshot, so a changed inventory is read again). One set per snapshot and property source: a different
/// source (another store, a test's own properties) starts a new set.
/// </para>
/// </summary>
internal sealed class DeploymentFacts
{
    private const string Unknown = "unknown";
    private const string Internal = "internal";

    private static readonly ConditionalWeakTable<GraphIndex, DeploymentFacts> BySnapshot = [];

    private readonly GraphIndex _index;
    private readonly object _source;
    private readonly Lock _fill = new();
    private readonly int[] _ordinalOf;
    private readonly bool[] _known;
    private readonly int[] _environment;
    private readonly int[] _cluster;
    private readonly int[] _exposure;
    private readonly int[] _replicas;
    private readonly Interned _environments = new();
    private readonly Interned _clusters = new();
    private readonly Interned _exposures = new();

    private DeploymentFacts(GraphIndex index, object source)
    {
        _index = index;
        _source = source;
        var kinds = index.Kinds;
        var deployments = new List<int>(index.CountOf(NodeKind.Deployment));
        for (var node = 0; node < kinds.Length; node++)
        {
            if (kinds[node] == NodeKind.Deployment)
            {
                deployments.Add(node);
            }
        }

        // Ordinal = place by key (ordinal string order), so comparing ordinals is comparing names.
        var keys = deployments.Select(index.KeyOf).ToArray();
        var nodes = deployments.ToArray();
        Array.Sort(keys, nodes, StringComparer.Ordinal);
        _ordinalOf = new int[kinds.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            _ordinalOf[nodes[i]] = i;
        }

        _known = new bool[nodes.Length];
        _environment = new int[nodes.Length];
        _cluster = new int[nodes.Length];
        _exposure = new int[nodes.Length];
        _replicas = new int[nodes.Length];
    }

    public static DeploymentFacts For(GraphIndex index, NodePropertyReader store)
    {
        var source = store.Target ?? store.Method;
        if (BySnapshot.TryGetValue(index, out var facts) && ReferenceEquals(facts._source, source))
        {
            return facts;
        }

        facts = new DeploymentFacts(index, source);
        BySnapshot.AddOrUpdate(index, facts);
        return facts;
    }

    /// <summary>The deployment's place among all the snapshot's deployments by key.</summary>
    public int OrdinalOf(int node) => _ordinalOf[node];

    public string EnvironmentOf(int node) => _environments.Name(_environment[_ordinalOf[node]]);

    public int EnvironmentIdOf(int node) => _environment[_ordinalOf[node]];

    public string ClusterOf(int node) => _clusters.Name(_cluster[_ordinalOf[node]]);

    public string ExposureOf(int node) => _exposures.Name(_exposure[_ordinalOf[node]]);

    public bool IsInternetFacing(int node) => string.Equals(ExposureOf(node), "internet", StringComparison.OrdinalIgnoreCase);

    public int ReplicasOf(int node) => _replicas[_ordinalOf[node]];

    /// <summary>
    /// Reads the facts of the deployments not seen yet (one store call), then returns each environment's place
    /// for this request: the configured order first, then by name (ordinal).
    /// </summary>
    public int[] Prepare(ReadOnlySpan<int> deployments, NodePropertyReader store, IReadOnlyList<string> environmentOrder)
    {
        lock (_fill)
        {
            List<NodeRef>? missing = null;
            foreach (var node in deployments)
            {
                if (!_known[_ordinalOf[node]])
                {
                    (missing ??= []).Add(_index.RefOf(node));
                }
            }

            if (missing is not null)
            {
                Fill(missing, store(missing));
            }

            return _environments.Positions(environmentOrder);
        }
    }

    private void Fill(List<NodeRef> nodes, IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> properties)
    {
        foreach (var node in nodes)
        {
            _index.TryFind(node, out var id);
            var at = _ordinalOf[id];
            var props = properties.GetValueOrDefault(node);
            _environment[at] = _environments.Intern(props?.GetValueOrDefault("deploy:environment") ?? Unknown);
            _cluster[at] = _clusters.Intern(props?.GetValueOrDefault("deploy:cluster") ?? Unknown);
            _exposure[at] = _exposures.Intern(props?.GetValueOrDefault("live:exposure") ?? Internal);
            _replicas[at] = int.TryParse(props?.GetValueOrDefault("live:replicas"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var replicas) ? replicas : 1;
            _known[at] = true;
        }
    }

    /// <summary>Distinct values by id; appended under the fill lock, read without it (ids never move).</summary>
    private sealed class Interned
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private volatile string[] _names = [];

        public string Name(int id) => _names[id];

        public int Intern(string value)
        {
            if (_ids.TryGetValue(value, out var id))
            {
                return id;
            }

            id = _ids.Count;
            _ids[value] = id;
            _names = [.. _names, value];
            return id;
        }

        public int[] Positions(IReadOnlyList<string> order)
        {
            var names = _names;
            var ids = Enumerable.Range(0, names.Length)
                .OrderBy(i => Rank(names[i], order)).ThenBy(i => names[i], StringComparer.Ordinal).ToArray();
            var positions = new int[names.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                positions[ids[i]] = i;
            }

            return positions;
        }

        private static int Rank(string environment, IReadOnlyList<string> order)
        {
            for (var i = 0; i < order.Count; i++)
            {
                if (string.Equals(order[i], environment, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return order.Count;
        }
    }
}
