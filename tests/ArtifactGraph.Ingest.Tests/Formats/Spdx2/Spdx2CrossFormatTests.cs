using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.CycloneDx;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx2;

/// <summary>SPDX and CycloneDX documents about the same thing meet in one graph: same packages, same keys.</summary>
public sealed class Spdx2CrossFormatTests
{
    [Fact]
    public void Read_RedHatOpensslInBothFormats_PackageVersionKeysOverlap()
    {
        var spdx = Spdx2TestInput.Read(Spdx2TestInput.FromFile(Corpus.PathOf("spdx2", "redhat_openssl-3.0.7-18.el9_2.spdx.json")));
        var cdxInput = Spdx2TestInput.FromFile(Corpus.PathOf("cyclonedx", "redhat_openssl-3.0.7-18.el9_2.cdx_1.6.json"));
        var cdx = new CycloneDxJsonReader().Read(cdxInput);

        var spdxKeys = spdx.Nodes.Where(n => n.Kind == NodeKind.PackageVersion).Select(n => n.Key).ToHashSet();
        var cdxKeys = cdx.Nodes.Where(n => n.Kind == NodeKind.PackageVersion).Select(n => n.Key).ToHashSet();
        var shared = spdxKeys.Intersect(cdxKeys).ToList();

        Assert.Contains(shared, k => k.StartsWith("pkg:rpm/redhat/openssl@3.0.7-18.el9_2", StringComparison.Ordinal));
        Assert.True(shared.Count * 2 >= Math.Min(spdxKeys.Count, cdxKeys.Count), $"only {shared.Count} of {spdxKeys.Count} SPDX / {cdxKeys.Count} CycloneDX keys are shared");
        Assert.Contains("pkg:rpm/redhat/openssl", spdx.Nodes.Where(n => n.Kind == NodeKind.Package).Select(n => n.Key).Intersect(cdx.Nodes.Where(n => n.Kind == NodeKind.Package).Select(n => n.Key)));
    }
}
