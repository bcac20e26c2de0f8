using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// <c>dependencies[]</c> → DEPENDS_ON edges. Every ref must name a component, the subject or a service;
/// anything else is a broken document and rejects it. Edges that touch a service are counted and dropped
/// (services are not mapped yet). <c>provides</c> (CBOM) becomes the <c>cdx:provides</c> property.
/// </summary>
internal static class CdxDependencies
{
    /// <param name="components">bom-ref → component (including the subject).</param>
    /// <param name="serviceRefs">bom-refs of services at any depth.</param>
    /// <returns>Whether the document has a dependency graph (an entry with a non-empty dependsOn), the
    /// bom-refs that something depends on, and the number of dropped service edges.</returns>
    public static (bool HasGraph, HashSet<string> DependedOn, int DroppedServiceEdges) Map(
        IReadOnlyList<CdxDependency> dependencies, IReadOnlyDictionary<string, CdxComponent> components, ISet<string> serviceRefs, IngestBatchBuilder builder)
    {
        var hasGraph = false;
        var dependedOn = new HashSet<string>(StringComparer.Ordinal);
        var dropped = 0;
        foreach (var entry in dependencies)
        {
            var from = Resolve(entry.From, components, serviceRefs);
            foreach (var target in entry.DependsOn)
            {
                hasGraph = true;
                var to = Resolve(target, components, serviceRefs);
                dependedOn.Add(target.Ref);
                if (from is null || to is null)
                {
                    dropped++;
                    continue;
                }

                builder.AddEdge(EdgeKind.DependsOn, from.Node, to.Node, [new("scope", CdxComponentMapper.DependencyScope(to))]);
            }

            var provides = new List<string>();
            foreach (var provided in entry.Provides)
            {
                Resolve(provided, components, serviceRefs); // a broken ref rejects, like dependsOn
                provides.Add(provided.Ref);
            }

            if (provides.Count > 0 && from is not null)
            {
                builder.AddNode(from.Node, properties: [new("cdx:provides", string.Join(' ', provides))]);
            }
        }

        return (hasGraph, dependedOn, dropped);
    }

    /// <summary>The component a ref names; null for a service; rejects an unknown ref.</summary>
    private static CdxComponent? Resolve(CdxRef reference, IReadOnlyDictionary<string, CdxComponent> components, ISet<string> serviceRefs)
    {
        if (components.TryGetValue(reference.Ref, out var component))
        {
            return component;
        }

        return serviceRefs.Contains(reference.Ref)
            ? null
            : throw new DocumentRejectedException(reference.Location, $"unknown bom-ref '{reference.Ref}'");
    }
}
