using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// <c>licenses[]</c> → License nodes and HAS_LICENSE edges. The key is the SPDX id, the license name
/// verbatim, or the expression text; <c>license:kind</c> says which, so a name is never mistaken for an id.
/// </summary>
internal static class CdxLicenses
{
    public static void Map(IReadOnlyList<CdxLicense> licenses, NodeRef from, IngestBatchBuilder builder)
    {
        for (var i = 0; i < licenses.Count; i++)
        {
            var license = licenses[i];
            if (license.Expression is { Length: > 0 } expression)
            {
                Add(builder, from, expression.Trim(), "expression");
            }
            else if (license.Id is { Length: > 0 } id)
            {
                Add(builder, from, id.Trim(), "id");
            }
            else if (license.Name is { Length: > 0 } name)
            {
                Add(builder, from, name.Trim(), "name");
            }
            else
            {
                builder.Warn(license.Location, "license has neither 'id' nor 'name'; skipped");
            }
        }
    }

    // One property map per kind, held by every License node of that kind (IngestBatchBuilder.SharedProperties).
    private static readonly IReadOnlyDictionary<string, string> Expression = IngestBatchBuilder.SharedProperties(KeyValuePair.Create("license:kind", "expression"));
    private static readonly IReadOnlyDictionary<string, string> Id = IngestBatchBuilder.SharedProperties(KeyValuePair.Create("license:kind", "id"));
    private static readonly IReadOnlyDictionary<string, string> Name = IngestBatchBuilder.SharedProperties(KeyValuePair.Create("license:kind", "name"));

    private static void Add(IngestBatchBuilder builder, NodeRef from, string key, string kind)
    {
        var properties = kind switch
        {
            "expression" => Expression,
            "id" => Id,
            _ => Name,
        };
        var node = builder.AddNode(new NodeRef(NodeKind.License, key), key, properties);
        builder.AddEdge(EdgeKind.HasLicense, from, node);
    }
}
