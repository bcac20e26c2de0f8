using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// A parsed CycloneDX BOM → an <see cref="IngestBatch"/>: subject, components, nesting, dependency graph,
/// and the Document's own facts. The mapping table lives in graph-schema/ontology.md.
/// </summary>
internal static class CdxDocumentMapper
{
    /// <summary>Sections not mapped yet: recorded as counts on the Document so the loss is visible.</summary>
    private static readonly string[] UnmappedSections =
        ["services", "vulnerabilities", "compositions", "formulation", "declarations", "annotations", "definitions", "citations"];

    public static IngestBatch Map(JsonElement root, DocumentInput input, string format)
    {
        var specVersion = CdxDocumentHeader.Validate(root);
        var builder = input.NewBuilder();
        var metadata = CdxJson.OptionalObject(root, "metadata", string.Empty);

        var bomRefs = new HashSet<string>(StringComparer.Ordinal);
        var subject = ReadSubject(metadata, bomRefs);
        var components = CdxComponentWalker.Collect(root, subject, bomRefs);
        var serviceRefs = CdxServices.CollectRefs(root, bomRefs);

        var byRef = new Dictionary<string, CdxComponent>(StringComparer.Ordinal);
        foreach (var component in subject is null ? components : components.Prepend(subject))
        {
            component.Node = CdxComponentMapper.Map(component, builder);
            if (component.BomRef is { } bomRef)
            {
                byRef[bomRef] = component;
            }
        }

        if (subject is not null && metadata is { } meta)
        {
            CdxLicenses.Map(meta, "/metadata", subject.Node, builder);
        }

        foreach (var nested in components.Where(c => c.Parent is not null))
        {
            AddContains(builder, nested.Parent!.Node, nested.Node);
        }

        var (hasGraph, dependedOn, droppedServiceEdges) = CdxDependencies.Map(root, byRef, serviceRefs, builder);
        var document = NewDocumentInfo(root, metadata, input, format, specVersion, subject, builder);
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

    private static CdxComponent? ReadSubject(JsonElement? metadata, HashSet<string> bomRefs)
    {
        if (metadata is not { } meta || CdxJson.OptionalObject(meta, "component", "/metadata") is not { } element)
        {
            return null;
        }

        var subject = CdxComponent.Read(element, "/metadata/component", parent: null, isSubject: true);
        if (subject.BomRef is { } bomRef)
        {
            bomRefs.Add(bomRef);
        }

        return subject;
    }

    private static DocumentInfo NewDocumentInfo(JsonElement root, JsonElement? metadata, DocumentInput input, string format, string specVersion, CdxComponent? subject, IngestBatchBuilder builder)
    {
        var properties = CdxDocumentHeader.Properties(root, metadata);
        foreach (var section in UnmappedSections)
        {
            if (root.TryGetProperty(section, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                properties["cdx:" + section] = value.ValueKind == JsonValueKind.Array
                    ? value.GetArrayLength().ToString(CultureInfo.InvariantCulture)
                    : "present";
            }
        }

        return new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = format,
            SpecVersion = specVersion,
            Name = properties.GetValueOrDefault("cdx:serialNumber") ?? input.Name,
            Subject = subject?.Node,
            CreatedAt = CdxDocumentHeader.Timestamp(metadata, builder),
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
