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
/// source (another store, a test's own properties) starts a new set. A snapshot applied over an earlier one starts
/// from that one's facts (<see cref="SnapshotLineage"/>), all but those of the deployments the batches since named:
/// after each commit of a scheduled ingestion the first answer does not read every deployment it reaches again.
/// </para>
/// </summary>
internal sealed class DeploymentFacts
{
    private const string Internal = "internal";

    private static readonly ConditionalWeakTable<GraphIndex, DeploymentFacts> BySnapshot = [];

    private readonly GraphIndex _index;
    private readonly object _source;
    private readonly Lock _fill = new();
    private readonly int[] _ordinalOf;

    // Slot (RunnerRanges.DeploymentsBySlot, the numbering the ranges' first slots use) to ordinal: a run of consecutive deployments
    // has consecutive slots, so its places are read in order (DeploymentPlaces.PlaceOfSlot).
    private readonly int[] _ordinalOfSlot;
    private readonly string[] _keys;
    private readonly Fact[] _facts;
    private readonly Interned _environments;
    private readonly Interned _clusters;
    private readonly Interned _exposures;
    private int _known;

    // Bit per ordinal, set when its fact is known (read from the store or carried over): a query checks each deployment
    // it reached, and the bitmap (4 KB at 30,000 deployments) stays in cache where the facts themselves (24 bytes each,
    // in name order) do not.
    private readonly ulong[] _knownBits;
    private DeploymentPlaces? _places;
    private int[] _placesEnvironments = [];

    // How many facts were known when _places was built: every fill makes at least one more known.
    private int _placesKnown;

    private DeploymentFacts(GraphIndex index, object source, DeploymentFacts? earlier = null, HashSet<NodeRef>? namedSince = null)
    {
        _index = index;
        _source = source;
        var kinds = index.Kinds;
        var deployments = RunnerRanges.DeploymentsBySlot(kinds);

        // Ordinal = place by key (ordinal string order), so comparing ordinals is comparing names.
        var keys = deployments.Select(index.KeyOf).ToArray();
        var nodes = deployments.ToArray();
        Array.Sort(keys, nodes, StringComparer.Ordinal);
        _ordinalOf = new int[kinds.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            _ordinalOf[nodes[i]] = i;
        }

        _ordinalOfSlot = new int[nodes.Length];
        for (var slot = 0; slot < deployments.Length; slot++)
        {
            _ordinalOfSlot[slot] = _ordinalOf[deployments[slot]];
        }

        _keys = keys;
        _facts = new Fact[nodes.Length];
        _knownBits = new ulong[(nodes.Length + 63) >> 6];
        if (earlier is null)
        {
            (_environments, _clusters, _exposures) = (new Interned(), new Interned(), new Interned());
            return;
        }

        // Under the earlier set's fill lock: a query on that snapshot may be reading facts into it right now.
        lock (earlier._fill)
        {
            (_environments, _clusters, _exposures) = (earlier._environments.Copy(), earlier._clusters.Copy(), earlier._exposures.Copy());
            CarryFrom(earlier, namedSince!);
        }
    }

    public static DeploymentFacts For(GraphIndex index, NodePropertyReader store)
    {
        var source = store.Target ?? store.Method;
        if (BySnapshot.TryGetValue(index, out var facts) && ReferenceEquals(facts._source, source))
        {
            return facts;
        }

        DeploymentFacts? Kept(GraphIndex earlier) => BySnapshot.TryGetValue(earlier, out var kept) && ReferenceEquals(kept._source, source) ? kept : null;
        facts = SnapshotLineage.Before(index, Kept) is var (from, named)
            ? new DeploymentFacts(index, source, from, named)
            : new DeploymentFacts(index, source);
        BySnapshot.AddOrUpdate(index, facts);
        return facts;
    }

    /// <summary>
    /// Takes the earlier snapshot's known facts of every deployment the batches since did not name, matched by key
    /// (ids may have been renumbered; both key lists are in ordinal order, so one merge pass). Interned ids are the
    /// earlier set's, copied.
    /// </summary>
    private void CarryFrom(DeploymentFacts earlier, HashSet<NodeRef> namedSince)
    {
        var old = 0;
        for (var ordinal = 0; ordinal < _keys.Length; ordinal++)
        {
            var key = _keys[ordinal];
            while (old < earlier._keys.Length && string.CompareOrdinal(earlier._keys[old], key) < 0)
            {
                old++;
            }

            if (old < earlier._keys.Length && earlier._keys[old] == key && earlier.IsKnown(old) && !namedSince.Contains(new NodeRef(NodeKind.Deployment, key)))
            {
                _facts[ordinal] = earlier._facts[old] with { Ordinal = ordinal };
                MarkKnown(ordinal);
            }
        }
    }

    /// <summary>What ranks the deployment, in one record (one memory access per deployment when ranking).</summary>
    public ref readonly Fact Of(int node) => ref _facts[_ordinalOf[node]];

    public string EnvironmentOf(int node) => _environments.Name(Of(node).Environment);

    /// <summary>As <see cref="EnvironmentOf"/>, by ordinal (<see cref="DeploymentPlaces.OrdinalAt"/>).</summary>
    public string EnvironmentOfOrdinal(int ordinal) => _environments.Name(_facts[ordinal].Environment);

    public string ClusterOf(int node) => _clusters.Name(Of(node).Cluster);

    public string ExposureOf(int node) => _exposures.Name(Of(node).Exposure);

    /// <summary>
    /// Reads the facts of the deployments not seen yet (one store call), then returns each environment's place
    /// for this request: the configured order first, then by name (ordinal).
    /// </summary>
    public int[] Prepare(ReadOnlySpan<int> deployments, NodePropertyReader store, IReadOnlyList<string> environmentOrder)
    {
        lock (_fill)
        {
            // Once every deployment of the snapshot is known, nothing is looked up.
            if (_known == _facts.Length)
            {
                return _environments.Positions(environmentOrder);
            }

            List<NodeRef>? missing = null;
            foreach (var node in deployments)
            {
                if (!IsKnown(_ordinalOf[node]))
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

    /// <summary>Each environment's place for this request, from the facts known now, reading nothing (<see cref="Prepare(ReadOnlySpan{int}, NodePropertyReader, IReadOnlyList{string})"/> reads first).</summary>
    public int[] EnvironmentPlaces(IReadOnlyList<string> environmentOrder)
    {
        lock (_fill)
        {
            return _environments.Positions(environmentOrder);
        }
    }

    /// <summary>
    /// The snapshot-wide place order for these environment places (<see cref="Prepare"/>'s answer), built from
    /// the facts known now and kept until facts are read again or another environment order is asked for (a
    /// server has one configured order). Call after <see cref="Prepare"/>: facts only ever become known, so
    /// places built since then place every deployment that call read.
    /// </summary>
    public DeploymentPlaces PlacesFor(int[] environments, Func<Fact, ulong> groupKey)
    {
        lock (_fill)
        {
            if (_places is null || _placesKnown != _known || !environments.AsSpan().SequenceEqual(_placesEnvironments))
            {
                _places = DeploymentPlaces.Build(_facts, IsKnown, groupKey, _ordinalOfSlot);
                _placesEnvironments = environments;
                _placesKnown = _known;
            }

            return _places;
        }
    }

    /// <summary>The deployment's place by key among all deployments of the snapshot.</summary>
    public int OrdinalOf(int node) => _ordinalOf[node];

    private void Fill(List<NodeRef> nodes, IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> properties)
    {
        foreach (var node in nodes)
        {
            _index.TryFind(node, out var id);
            var ordinal = _ordinalOf[id];
            var props = properties.GetValueOrDefault(node);
            var exposure = props?.GetValueOrDefault(DeploymentProperties.Exposure) ?? Internal;
            MarkKnown(ordinal);
            _facts[ordinal] = new Fact(
                ordinal,
                _environments.Intern(DeploymentProperties.EnvironmentOf(props)),
                _clusters.Intern(DeploymentProperties.ClusterOf(props)),
                _exposures.Intern(exposure),
                DeploymentProperties.ReplicasOf(props) ?? 1,
                string.Equals(exposure, "internet", StringComparison.OrdinalIgnoreCase));
        }
    }

    private bool IsKnown(int ordinal) => (_knownBits[ordinal >> 6] & (1UL << ordinal)) != 0;

    /// <summary>Marks the ordinal's fact known, counting it the first time.</summary>
    private void MarkKnown(int ordinal)
    {
        ref var word = ref _knownBits[ordinal >> 6];
        var bit = 1UL << ordinal;
        if ((word & bit) == 0)
        {
            word |= bit;
            _known++;
        }
    }

    /// <summary>
    /// One deployment's facts: its place by key, interned environment, cluster and exposure, replicas, and
    /// whether it faces the internet. Default until read (<see cref="IsKnown"/>).
    /// </summary>
    internal readonly record struct Fact(int Ordinal, int Environment, int Cluster, int Exposure, int Replicas, bool InternetFacing);

    /// <summary>Distinct values by id; appended under the fill lock, read without it (ids never move).</summary>
    private sealed class Interned
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private volatile string[] _names = [];

        public string Name(int id) => _names[id];

        /// <summary>The same ids and names, to be appended to apart from this set.</summary>
        public Interned Copy()
        {
            var copy = new Interned();
            foreach (var name in _names)
            {
                copy.Intern(name);
            }

            return copy;
        }

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
