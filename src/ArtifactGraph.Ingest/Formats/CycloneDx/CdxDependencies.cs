using System.Text.Json;
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
        JsonElement root, IReadOnlyDictionary<string, CdxComponent> components, ISet<string> serviceRefs, IngestBatchBuilder builder)
    {
        var hasGraph = false;
        var dependedOn = new HashSet<string>(StringComparer.Ordinal);
        var dropped = 0;
        foreach (var (entry, pointer) in CdxJson.ObjectArray(root, "dependencies", string.Empty))
        {
            var reference = CdxJson.OptionalString(entry, "ref", pointer)
                ?? throw new DocumentRejectedException(pointer, "dependency has no 'ref'");
            var from = Resolve(reference, pointer + "/ref", components, serviceRefs);
            foreach (var (target, targetPointer) in CdxJson.StringArray(entry, "dependsOn", pointer))
            {
                hasGraph = true;
                var to = Resolve(target, targetPointer, components, serviceRefs);
                dependedOn.Add(target);
                if (from is null || to is null)
                {
                    dropped++;
                    continue;
                }

                var scope = CdxComponentMapper.DependencyScope(to.Element, to.Pointer);
                builder.AddEdge(EdgeKind.DependsOn, from.Node, to.Node, [new("scope", scope)]);
            }

            var provides = new List<string>();
            foreach (var (provided, providedPointer) in CdxJson.StringArray(entry, "provides", pointer))
            {
                Resolve(provided, providedPointer, components, serviceRefs); // a broken ref rejects, like dependsOn
                provides.Add(provided);
            }

            if (provides.Count > 0 && from is not null)
            {
                builder.AddNode(from.Node, properties: [new("cdx:provides", string.Join(' ', provides))]);
            }
        }

        return (hasGraph, dependedOn, dropped);
    }

    /// <summary>The component a ref names; null for a service; rejects an unknown ref.</summary>
    private static CdxComponent? Resolve(string reference, string pointer, IReadOnlyDictionary<string, CdxComponent> components, ISet<string> serviceRefs)
    {
        if (components.TryGetValue(reference, out var component))
        {
            return component;
        }

        return serviceRefs.Contains(reference)
            ? null
            : throw new DocumentRejectedException(pointer, $"unknown bom-ref '{reference}'");
    }
}
