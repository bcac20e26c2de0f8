using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// <c>dependencies[]</c> → DEPENDS_ON edges, one entry at a time. Every ref must name a component, the subject
/// or a service; anything else is a broken document and rejects it. Edges that touch a service are counted and
/// dropped (services are not mapped yet). <c>provides</c> (CBOM) becomes the <c>cdx:provides</c> property.
/// </summary>
/// <param name="components">bom-ref → node (including the subject).</param>
/// <param name="serviceRefs">bom-refs of services at any depth.</param>
internal sealed class CdxDependencies(
    CdxComponentTable components, IReadOnlySet<string> serviceRefs, IngestBatchBuilder builder)
{
    /// <summary>Whether the document has a dependency graph: an entry with a non-empty dependsOn.</summary>
    public bool HasGraph { get; private set; }

    /// <summary>The bom-refs something depends on (collected only when asked: they matter only without a subject).</summary>
    public HashSet<string> DependedOn { get; } = new(StringComparer.Ordinal);

    public int DroppedServiceEdges { get; private set; }

    /// <returns>The rejection when a ref names nothing; the entry is then not mapped further.</returns>
    public DocumentRejectedException? Add(CdxDependency entry, bool collectDependedOn)
    {
        if (!TryResolve(entry.From, out var from, out var failure))
        {
            return failure;
        }

        for (var i = 0; i < entry.DependsOn.Count; i++)
        {
            var target = entry.DependsOn[i];
            HasGraph = true;
            if (!TryResolve(target, out var to, out failure))
            {
                return failure;
            }

            if (collectDependedOn)
            {
                DependedOn.Add(target.Ref);
            }

            if (from is not { } fromTarget || to is not { } toTarget)
            {
                DroppedServiceEdges++;
                continue;
            }

            builder.AddEdge(EdgeKind.DependsOn, fromTarget.Node, toTarget.Node, ScopeProperty(toTarget.Scope));
        }

        for (var i = 0; i < entry.Provides.Count; i++)
        {
            var provided = entry.Provides[i];
            if (!TryResolve(provided, out _, out failure))
            {
                return failure; // a broken ref rejects, like dependsOn
            }
        }

        if (entry.Provides.Count > 0 && from is { } owner)
        {
            builder.AddNode(owner.Node, properties: [new("cdx:provides", string.Join(' ', entry.Provides.Select(p => p.Ref)))]);
        }

        return null;
    }

    // One property list per scope value, shared by every DEPENDS_ON edge (the builder copies what it keeps).
    private static readonly KeyValuePair<string, string>[] Runtime = [new("scope", "runtime")];
    private static readonly KeyValuePair<string, string>[] Optional = [new("scope", "optional")];
    private static readonly KeyValuePair<string, string>[] Excluded = [new("scope", "excluded")];

    private static KeyValuePair<string, string>[] ScopeProperty(string scope) => scope switch
    {
        "runtime" => Runtime,
        "optional" => Optional,
        "excluded" => Excluded,
        _ => [new("scope", scope)],
    };

    /// <summary>The component a ref names (null for a service); false with the rejection for an unknown ref.</summary>
    private bool TryResolve(CdxRef reference, out CdxTarget? target, out DocumentRejectedException? failure)
    {
        failure = null;
        if (components.TryGetValue(reference.Ref, out var found))
        {
            target = found;
            return true;
        }

        target = null;
        if (serviceRefs.Contains(reference.Ref))
        {
            return true;
        }

        failure = new DocumentRejectedException(reference.Location, $"unknown bom-ref '{reference.Ref}'");
        return false;
    }
}
