using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Advisories;

/// <summary>
/// One identity per vulnerability: the connected components of ALIAS_OF among Vulnerability nodes
/// (CVE ↔ GHSA ↔ OSV ids ↔ RHSA ...), so a query by any alias means the same set. Built per snapshot.
/// </summary>
public sealed class AliasSets
{
    private readonly Dictionary<string, int> _setOf = new(StringComparer.Ordinal);
    private readonly List<List<string>> _members = [];

    private AliasSets()
    {
    }

    public static AliasSets Build(GraphIndex index)
    {
        var sets = new AliasSets();
        var parent = new Dictionary<int, int>();
        int Find(int x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                parent[x] = parent.GetValueOrDefault(p, p);
                x = p;
            }

            return x;
        }

        foreach (var node in index.NodesOfKind(NodeKind.Vulnerability))
        {
            parent.TryAdd(node, node);
            var outgoing = index.Outgoing(node);
            for (var i = 0; i < outgoing.Count; i++)
            {
                if (outgoing.Kind(i) == EdgeKind.AliasOf)
                {
                    var (a, b) = (Find(node), Find(outgoing.Target(i)));
                    if (a != b)
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
                }
            }
        }

        var setOfRoot = new Dictionary<int, int>();
        foreach (var node in parent.Keys.Order())
        {
            var root = Find(node);
            if (!setOfRoot.TryGetValue(root, out var set))
            {
                set = sets._members.Count;
                setOfRoot[root] = set;
                sets._members.Add([]);
            }

            var key = index.KeyOf(node);
            sets._members[set].Add(key);
            sets._setOf[key] = set;
        }

        return sets;
    }

    /// <summary>Every id of the vulnerability <paramref name="id"/> (itself included), canonical keys; just itself when unknown.</summary>
    public IReadOnlyList<string> AliasesOf(string id)
    {
        var key = VulnerabilityId.Normalize(id);
        return _setOf.TryGetValue(key, out var set) ? _members[set] : [key];
    }

    /// <summary>The preferred display id of a set: the CVE when there is one, else the first id in order.</summary>
    public static string Preferred(IReadOnlyList<string> aliases) =>
        aliases.FirstOrDefault(a => a.StartsWith("CVE-", StringComparison.Ordinal)) ?? aliases.Order(StringComparer.Ordinal).First();
}
