using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries.Images;

/// <summary>
/// The <c>image</c> answer over one snapshot: contents (forward over DEPENDS_ON, CONTAINS, OCCURS_AS,
/// BASED_ON), the base chain, the deployments running it, every advisory claim matching a contained
/// package version (then VEX: a statement on the image, or on a product the package is reached only
/// through, suppresses), and its build provenance edges.
/// </summary>
public static class ImageQuery
{
    private static readonly EdgeKindSet ContentKinds = EdgeKindSet.Of(EdgeKind.DependsOn, EdgeKind.Contains, EdgeKind.OccursAs, EdgeKind.BasedOn);
    private static readonly EdgeKindSet RunKinds = EdgeKindSet.Of(EdgeKind.Runs, EdgeKind.ResolvesTo);

    public static ImageReport Run(GraphIndex index, AdvisoryCatalog catalog, int image)
    {
        var contents = ClosureQuery.Run(index, [image], Direction.Dependencies, new ClosureOptions { EdgeKinds = ContentKinds });
        var runsIn = RunsIn(index, image);
        return new ImageReport
        {
            Image = image,
            Contents = contents,
            BaseChain = BaseChain(index, image),
            RunsIn = runsIn,
            Vulnerabilities = Vulnerabilities(index, catalog, image, contents),
            Provenance = ProvenanceOf(index, image),
        };
    }

    /// <summary>What runs the image: deployments running it directly or through a tag that resolves to it (RUNS, RESOLVES_TO backwards).</summary>
    internal static ClosureResult RunsIn(GraphIndex index, int image) =>
        ClosureQuery.Run(index, [image], Direction.Dependents, new ClosureOptions { EdgeKinds = RunKinds });

    private static List<int> BaseChain(GraphIndex index, int image)
    {
        var chain = new List<int>();
        var seen = new HashSet<int> { image };
        var current = image;
        while (true)
        {
            var next = -1;
            var outgoing = index.Outgoing(current);
            for (var i = 0; i < outgoing.Count && next < 0; i++)
            {
                if (outgoing.Kind(i) == EdgeKind.BasedOn && seen.Add(outgoing.Target(i)))
                {
                    next = outgoing.Target(i);
                }
            }

            if (next < 0)
            {
                return chain;
            }

            chain.Add(next);
            current = next;
        }
    }

    private static List<ImageVulnerability> Vulnerabilities(GraphIndex index, AdvisoryCatalog catalog, int image, ClosureResult contents)
    {
        var found = new List<(IReadOnlyList<string> Aliases, AffectedVersion Affected)>();
        for (var i = 0; i < contents.Count; i++)
        {
            var node = contents.NodeAt(i);
            if (index.KindOf(node) != NodeKind.PackageVersion || PackageOf(index, node) is not { } package)
            {
                continue;
            }

            var entries = catalog.AffectedForPackage(package);
            if (entries.Count == 0)
            {
                continue;
            }

            foreach (var affected in AffectedVersions.Find(index, entries).Affected.Where(a => a.Node == node))
            {
                foreach (var group in affected.Matches.GroupBy(m => AliasSets.Preferred(catalog.Aliases.AliasesOf(m.Entry.Vulnerability))))
                {
                    var aliases = catalog.Aliases.AliasesOf(group.First().Entry.Vulnerability);
                    found.Add((aliases, affected with { Matches = group.ToList() }));
                }
            }
        }

        var result = new List<ImageVulnerability>();
        foreach (var byVulnerability in found.GroupBy(f => AliasSets.Preferred(f.Aliases)))
        {
            var aliases = byVulnerability.First().Aliases;
            var nodes = byVulnerability.Select(f => f.Affected.Node).ToList();
            var vex = VexDecisions.Decide(index, catalog.VexFor(aliases), nodes);
            var suppressedBy = SuppressionFor(index, image, vex.Suppressing, nodes);
            foreach (var (_, affected) in byVulnerability)
            {
                result.Add(new ImageVulnerability(aliases, affected.Node, affected.Version, affected.Matches[0], suppressedBy.GetValueOrDefault(affected.Node)));
            }
        }

        return result;
    }

    /// <summary>Which affected nodes VEX takes out of this image: all when the image itself is covered, else those no longer reached.</summary>
    private static Dictionary<int, VexDecision> SuppressionFor(GraphIndex index, int image, IReadOnlyList<VexDecision> suppressing, List<int> affected)
    {
        var result = new Dictionary<int, VexDecision>();
        if (suppressing.Count == 0)
        {
            return result;
        }

        if (suppressing.FirstOrDefault(d => d.Product == image) is { } onImage)
        {
            affected.ForEach(n => result[n] = onImage);
            return result;
        }

        var blocked = suppressing.Select(d => d.Product).ToHashSet();
        var pruned = ClosureQuery.Run(index, [image], Direction.Dependencies, new ClosureOptions { EdgeKinds = ContentKinds, Blocked = blocked });
        var reached = Enumerable.Range(0, pruned.Count).Select(pruned.NodeAt).ToHashSet();
        foreach (var node in affected.Where(n => !reached.Contains(n)))
        {
            result[node] = suppressing.FirstOrDefault(d => d.Product == node) ?? suppressing[0];
        }

        return result;
    }

    private static string? PackageOf(GraphIndex index, int version)
    {
        var outgoing = index.Outgoing(version);
        for (var i = 0; i < outgoing.Count; i++)
        {
            if (outgoing.Kind(i) == EdgeKind.VersionOf)
            {
                return index.KeyOf(outgoing.Target(i));
            }
        }

        return Purl.TryParse(index.KeyOf(version), out var purl, out _) ? purl.PackageKey : null;
    }

    /// <summary>
    /// BUILT_BY / BUILT_FROM of the image, and of the artifact with the same digest: attestations name their
    /// subjects by digest and record the build on that Artifact, which is the same thing as the image.
    /// </summary>
    private static List<ProvenanceEdge> ProvenanceOf(GraphIndex index, int image)
    {
        var edges = new List<ProvenanceEdge>();
        Add(index, image, edges);
        if (index.TryFind(NodeKind.Artifact, index.KeyOf(image), out var sameDigest))
        {
            Add(index, sameDigest, edges);
        }

        return edges;
    }

    private static void Add(GraphIndex index, int node, List<ProvenanceEdge> edges)
    {
        var outgoing = index.Outgoing(node);
        for (var i = 0; i < outgoing.Count; i++)
        {
            if (outgoing.Kind(i) is EdgeKind.BuiltBy or EdgeKind.BuiltFrom)
            {
                edges.Add(new ProvenanceEdge(outgoing.Kind(i), node, outgoing.Target(i)));
            }
        }
    }
}
