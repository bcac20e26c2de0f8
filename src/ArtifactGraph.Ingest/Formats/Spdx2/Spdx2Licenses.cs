using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// licenseDeclared / licenseConcluded → a License node and HAS_LICENSE. The declared licence is preferred (it is
/// what the package says of itself; the concluded one is someone's analysis); both stay as properties.
/// NOASSERTION and NONE make no node. Keyed like CycloneDX: a single id is <c>license:kind=id</c>, anything
/// else the expression text with <c>license:kind=expression</c>.
/// </summary>
internal static class Spdx2Licenses
{
    public static void Map(Spdx2Package package, NodeRef node, IngestBatchBuilder builder)
    {
        var license = Spdx2Values.Meaningful(package.LicenseDeclared) ?? Spdx2Values.Meaningful(package.LicenseConcluded);
        if (license is null)
        {
            return;
        }

        var kind = license.Any(c => char.IsWhiteSpace(c) || c is '(' or ')') ? "expression" : "id";
        var licenseNode = builder.AddNode(new NodeRef(NodeKind.License, license), license, [new("license:kind", kind)]);
        builder.AddEdge(EdgeKind.HasLicense, node, licenseNode);
    }
}
