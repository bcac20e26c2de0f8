using System.Globalization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// The SPDX 2 wire model (from any syntax) → an <see cref="IngestBatch"/>: header checks, packages, files,
/// hasFiles, relationships, subject. The mapping table lives in graph-schema/ontology.md, "SPDX 2.2 / 2.3".
/// </summary>
internal static class Spdx2Mapper
{
    public static IngestBatch Map(Spdx2Document document, DocumentInput input, string format, IngestBatchBuilder builder)
    {
        var specVersion = Spdx2Header.Validate(document, builder);
        var context = new Spdx2Context(document, builder);
        Spdx2Elements.Register(context);

        var describedIds = Spdx2RelationshipMapper.DescribedIds(document);
        var syftImage = Spdx2SubjectInference.IsSyftImageDocument(document);
        foreach (var package in document.Packages)
        {
            var id = package.SpdxId!.Trim();
            var node = Spdx2PackageMapper.Map(package, syftImage && describedIds.Contains(id), builder);
            context.Nodes[id] = node;
            context.PackageNodes.Add(node);
        }

        Spdx2FileMapper.MapAll(context);
        foreach (var package in document.Packages)
        {
            foreach (var file in package.HasFiles)
            {
                if (context.Nodes.TryGetValue(file.Id.Trim(), out var fileNode))
                {
                    context.AddEdge(EdgeKind.Contains, context.Nodes[package.SpdxId!.Trim()], fileNode);
                }
            }
        }

        Spdx2RelationshipMapper.MapAll(context);
        var (subject, alsoDescribed) = Spdx2Subject.Resolve(context, describedIds);
        context.FlushProperties();

        var info = new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = format,
            SpecVersion = specVersion,
            Name = document.Name!.Trim(),
            Subject = subject,
            CreatedAt = Spdx2Header.Created(document, builder),
            Properties = DocumentProperties(context),
        };
        builder.AddNode(info.NodeRef);
        foreach (var node in alsoDescribed)
        {
            builder.AddEdge(EdgeKind.Describes, info.NodeRef, node);
        }

        return builder.Build(info);
    }

    private static Dictionary<string, string> DocumentProperties(Spdx2Context context)
    {
        var properties = Spdx2Header.Properties(context.Document);
        foreach (var (key, values) in context.DocumentProperties)
        {
            properties[key] = string.Join(' ', values);
        }

        if (context.ExternalRelationships > 0)
        {
            properties["spdx:externalRelationships"] = context.ExternalRelationships.ToString(CultureInfo.InvariantCulture);
        }

        if (context.SkippedRelationships > 0)
        {
            properties["spdx:relationshipsSkipped"] = context.SkippedRelationships.ToString(CultureInfo.InvariantCulture);
        }

        return properties;
    }
}
