using System.Globalization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// A parsed CycloneDX BOM → an <see cref="IngestBatch"/>: subject, components, nesting, dependency graph,
/// and the Document's own facts. The mapping table lives in graph-schema/ontology.md.
/// </summary>
internal static class CdxDocumentMapper
{
    public static IngestBatch Map(CdxBom bom, DocumentInput input, string format)
    {
        var builder = input.NewBuilder();
        var bomRefs = new HashSet<string>(StringComparer.Ordinal);
        var subject = bom.Subject;
        var components = CdxComponentWalker.Collect(bom, bomRefs);
        var serviceRefs = CdxComponentWalker.ClaimServiceRefs(bom, bomRefs);

        var byRef = new Dictionary<string, CdxComponent>(StringComparer.Ordinal);
        foreach (var component in subject is null ? components : components.Prepend(subject))
        {
            component.Node = CdxComponentMapper.Map(component, builder);
            if (component.BomRef is { } bomRef)
            {
                byRef[bomRef] = component;
            }
        }

        if (subject is not null)
        {
            CdxLicenses.Map(bom.SubjectLicenses, subject.Node, builder);
        }

        foreach (var nested in components.Where(c => c.Parent is not null))
        {
            AddContains(builder, nested.Parent!.Node, nested.Node);
        }

        var (hasGraph, dependedOn, droppedServiceEdges) = CdxDependencies.Map(bom.Dependencies, byRef, serviceRefs, builder);
        var document = NewDocumentInfo(bom, input, format, builder);
        if (subject is not null)
        {
            // An SBOM lists what its subject contains. Without a dependency graph that is all we know, so the
            // subject CONTAINS every component; with one, the graph says how, and CONTAINS covers the top level.
            foreach (var component in components.Where(c => !hasGraph || c.Parent is null))
            {
                AddContains(builder, subject.Node, component.Node);
            }
        }
        else
        {
            // No subject: the document DESCRIBES its roots (top-level components nothing depends on), so no
            // component dangles unreachable from the Document node.
            builder.AddNode(document.NodeRef);
            foreach (var top in components.Where(c => c.Parent is null && (c.BomRef is null || !dependedOn.Contains(c.BomRef))))
            {
                builder.AddEdge(EdgeKind.Describes, document.NodeRef, top.Node);
            }
        }

        if (droppedServiceEdges > 0)
        {
            document = document with
            {
                Properties = new Dictionary<string, string>(document.Properties, StringComparer.Ordinal)
                {
                    ["cdx:dependencies:serviceEdgesDropped"] = droppedServiceEdges.ToString(CultureInfo.InvariantCulture),
                },
            };
        }

        return builder.Build(document);
    }

    private static DocumentInfo NewDocumentInfo(CdxBom bom, DocumentInput input, string format, IngestBatchBuilder builder)
    {
        var properties = CdxDocumentHeader.Properties(bom);
        return new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = format,
            SpecVersion = bom.SpecVersion,
            Name = properties.GetValueOrDefault("cdx:serialNumber") ?? input.Name,
            Subject = bom.Subject?.Node,
            CreatedAt = CdxDocumentHeader.Timestamp(bom, builder),
            Properties = properties,
        };
    }

    private static void AddContains(IngestBatchBuilder builder, NodeRef from, NodeRef to)
    {
        // Two listings of one identity (e.g. an image as subject and as its own top-level component) are one
        // node; a node does not contain itself.
        if (from != to)
        {
            builder.AddEdge(EdgeKind.Contains, from, to);
        }
    }
}
