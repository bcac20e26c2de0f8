using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.OpenVex;

/// <summary>
/// OpenVEX products and subcomponents → nodes: a string or <c>@id</c> that is a purl, else
/// <c>identifiers.purl</c>, else a <c>hashes</c> digest (Artifact). Products named only by an IRI or a CPE
/// have no identity SBOMs share, so they are skipped with a warning.
/// </summary>
internal static class OpenVexProducts
{
    /// <summary>Hash keys OpenVEX allows, strongest first.</summary>
    private static readonly string[] HashKeys = ["sha-256", "sha-512", "sha-384", "sha3-256", "sha3-512", "sha3-384", "sha3-224", "sha-224", "blake2b-256", "blake2b-512", "blake3", "sha1", "md5"];

    public static List<(NodeRef Product, List<string> Subcomponents)> Read(JsonElement statement, string pointer, IngestBatchBuilder builder)
    {
        var products = new List<(NodeRef, List<string>)>();
        foreach (var (item, itemPointer) in JsonFields.Array(statement, "products", pointer))
        {
            if (Node(item, itemPointer, builder) is not { } node)
            {
                continue;
            }

            var subcomponents = item.ValueKind == JsonValueKind.Object ? Subcomponents(item, itemPointer, builder) : [];
            products.Add((node, subcomponents));
        }

        return products;
    }

    /// <summary>Subcomponent node keys (the nodes are added, so the graph knows them).</summary>
    public static List<string> Subcomponents(JsonElement owner, string pointer, IngestBatchBuilder builder) =>
        JsonFields.Array(owner, "subcomponents", pointer)
            .Select(s => Node(s.Item, s.Pointer, builder))
            .OfType<NodeRef>()
            .Select(n => n.Key)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static NodeRef? Node(JsonElement item, string pointer, IngestBatchBuilder builder)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String:
                return FromId(item.GetString() ?? string.Empty, pointer, builder);
            case JsonValueKind.Object:
                var identifiers = JsonFields.Object(item, "identifiers", pointer);
                if (identifiers is { } ids && JsonFields.String(ids, "purl", pointer + "/identifiers") is { Length: > 0 } purl)
                {
                    return ProductNodes.FromPurl(builder, purl, pointer + "/identifiers/purl");
                }

                var id = JsonFields.String(item, "@id", pointer);
                if (id is not null && id.TrimStart().StartsWith("pkg:", StringComparison.Ordinal))
                {
                    return ProductNodes.FromPurl(builder, id, pointer + "/@id");
                }

                if (JsonFields.Object(item, "hashes", pointer) is { } hashes)
                {
                    foreach (var key in HashKeys)
                    {
                        if (JsonFields.String(hashes, key, pointer + "/hashes") is { Length: > 0 } hex
                            && ProductNodes.FromDigest(builder, key, hex) is { } artifact)
                        {
                            return artifact;
                        }
                    }
                }

                builder.Warn(pointer, $"product '{id}' has no purl or digest: skipped");
                return null;
            default:
                throw JsonPointers.WrongType(pointer, "a string or an object", item.ValueKind);
        }
    }

    private static NodeRef? FromId(string id, string pointer, IngestBatchBuilder builder)
    {
        if (id.TrimStart().StartsWith("pkg:", StringComparison.Ordinal))
        {
            return ProductNodes.FromPurl(builder, id, pointer);
        }

        builder.Warn(pointer, $"product '{id}' is not a purl: skipped");
        return null;
    }
}
