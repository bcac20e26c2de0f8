using System.Globalization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Queries;

/// <summary>
/// <c>provenance DIGEST|PURL</c>: for each resolved node (and, for package versions, the artifacts they
/// OCCURS_AS) that has BUILT_BY or BUILT_FROM edges, the builders, materials and sources, the documents
/// asserting those edges with their <c>trust:*</c> verdicts, and each source's Scorecard — the one for the
/// exact commit when there is one, else the repository's latest (by <c>scorecard:date</c>).
/// The graph walk uses the index (so <c>--as-of</c> applies); properties and documents come from the store.
/// </summary>
public static class ProvenanceQuery
{
    public static ProvenanceResult Run(GraphIndex index, IGraphStore store, ResolvedTarget target)
    {
        var candidates = new List<int>();
        var packages = new List<PackageSources>();
        foreach (var node in target.Nodes)
        {
            Add(candidates, node);
            var kind = index.KindOf(node);
            if (kind == NodeKind.Image && index.TryFind(NodeKind.Artifact, index.KeyOf(node), out var sameDigest))
            {
                Add(candidates, sameDigest);
            }

            if (kind == NodeKind.PackageVersion)
            {
                foreach (var artifact in Targets(index, node, EdgeKind.OccursAs))
                {
                    Add(candidates, artifact);
                }

                var sources = Targets(index, node, EdgeKind.SourceAt).Select(s => Source(index, store, s)).ToList();
                if (sources.Count > 0)
                {
                    packages.Add(new PackageSources(index.RefOf(node), sources));
                }
            }
        }

        var subjects = new List<BuiltSubject>();
        foreach (var node in candidates)
        {
            var builders = Targets(index, node, EdgeKind.BuiltBy);
            var materials = Targets(index, node, EdgeKind.BuiltFrom);
            if (builders.Count == 0 && materials.Count == 0)
            {
                continue;
            }

            var self = index.RefOf(node);
            var documents = new Dictionary<string, DocumentSummary>(StringComparer.Ordinal);
            foreach (var (kind, to) in builders.Select(b => (EdgeKind.BuiltBy, b)).Concat(materials.Select(m => (EdgeKind.BuiltFrom, m))))
            {
                foreach (var document in store.GetEdgeDocuments(kind, self, index.RefOf(to)))
                {
                    documents.TryAdd(document.Sha256, document);
                }
            }

            var attestations = documents.Values.OrderBy(d => d.Sequence).Select(ToAttestation).ToList();
            subjects.Add(new BuiltSubject(
                self,
                index.NameOf(node),
                builders.Select(index.KeyOf).ToList(),
                attestations.Select(a => a.BuildType).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
                materials.Where(m => index.KindOf(m) == NodeKind.Source).Select(m => Source(index, store, m)).ToList(),
                materials.Where(m => index.KindOf(m) != NodeKind.Source).Select(index.RefOf).ToList(),
                attestations));
        }

        return new ProvenanceResult(target.Query, subjects, packages);
    }

    private static void Add(List<int> list, int node)
    {
        if (!list.Contains(node))
        {
            list.Add(node);
        }
    }

    private static List<int> Targets(GraphIndex index, int node, EdgeKind kind)
    {
        var result = new List<int>();
        var outgoing = index.Outgoing(node);
        for (var i = 0; i < outgoing.Count; i++)
        {
            if (outgoing.Kind(i) == kind && !result.Contains(outgoing.Target(i)))
            {
                result.Add(outgoing.Target(i));
            }
        }

        return result;
    }

    private static Attestation ToAttestation(DocumentSummary document)
    {
        var properties = document.Properties;
        return new Attestation(
            document,
            properties.GetValueOrDefault("intoto:predicateType"),
            properties.GetValueOrDefault("slsa:buildType"),
            properties.GetValueOrDefault("trust:verified") == "true",
            properties.GetValueOrDefault("trust:keyid"),
            properties.GetValueOrDefault("trust:reason"));
    }

    private static SourceProvenance Source(GraphIndex index, IGraphStore store, int node)
    {
        var self = index.RefOf(node);
        var properties = store.GetNodeProperties([self]).GetValueOrDefault(self) ?? new Dictionary<string, string>();
        var repository = properties.GetValueOrDefault("source:repository") ?? self.Key;
        var revision = properties.GetValueOrDefault("source:revision");
        return new SourceProvenance(self, repository, revision, properties.GetValueOrDefault("source:ref"), Scorecard(index, store, node, repository, revision));
    }

    private static ScorecardSummary? Scorecard(GraphIndex index, IGraphStore store, int source, string repository, string? revision)
    {
        var exact = Targets(index, source, EdgeKind.Scored);
        var basis = "commit";
        if (exact.Count == 0 || revision is null)
        {
            basis = "repository-latest";
            exact = index.TryFind(NodeKind.Source, repository, out var versionless) ? Targets(index, versionless, EdgeKind.Scored) : [];
        }

        if (exact.Count == 0)
        {
            return null;
        }

        var refs = exact.Select(index.RefOf).ToList();
        var properties = store.GetNodeProperties(refs);
        var latest = refs
            .Select(r => (Ref: r, Properties: properties.GetValueOrDefault(r) ?? new Dictionary<string, string>()))
            .OrderByDescending(p => p.Properties.GetValueOrDefault("scorecard:date"), StringComparer.Ordinal)
            .ThenByDescending(p => p.Ref.Key, StringComparer.Ordinal)
            .First();
        var props = latest.Properties;
        var failing = props
            .Where(p => p.Key.StartsWith("scorecard:check:", StringComparison.Ordinal))
            .Select(p => (Name: p.Key["scorecard:check:".Length..], Score: double.Parse(p.Value, CultureInfo.InvariantCulture)))
            .Where(c => c.Score < 10)
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ScorecardCheck(c.Name, c.Score, props.GetValueOrDefault("scorecard:reason:" + c.Name)))
            .ToList();
        double? score = props.TryGetValue("scorecard:score", out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        return new ScorecardSummary(latest.Ref, basis, score, props.GetValueOrDefault("scorecard:date"), props.GetValueOrDefault("scorecard:commit"), props.GetValueOrDefault("scorecard:version"), failing);
    }
}
