using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Ingest.Formats.Spdx3;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx3;

/// <summary>Every document in the corpus's spdx3/ folder, counted independently; cross-format identity with the SPDX 2 siblings.</summary>
public sealed class Spdx3CorpusTests
{
    public static TheoryData<string> Spdx3Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.Files("spdx3", "*.json"))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static TheoryData<string> OtherJsonFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.Files(".", "*.json").Where(f => !f.Contains($"{Path.DirectorySeparatorChar}spdx3{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(Corpus.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Spdx3Files))]
    public void Read_CorpusDocument_PackagesAndRelationshipEdgesMatchIndependentCount(string name)
    {
        var path = Corpus.PathOf("spdx3", name);
        var reader = new Spdx3JsonLdReader();
        var input = CdxTestInput.FromFile(path);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var expected = Spdx3CorpusExpectations.Count(json.RootElement);

        Assert.True(reader.CanRead(input));
        var batch = reader.Read(input);

        Assert.Equal(expected.Packages, batch.Nodes.Count(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image));
        Assert.Equal(expected.Contains, batch.EdgesOf(EdgeKind.Contains).Count(e => !e.Properties.ContainsKey("spdx3:listed")));
        Assert.Equal(expected.DependsOn, batch.EdgesOf(EdgeKind.DependsOn).Count());
        Assert.Equal(expected.BuiltFrom, batch.EdgesOf(EdgeKind.BuiltFrom).Count());
        Assert.Equal(expected.Licenses, batch.EdgesOf(EdgeKind.HasLicense).Count());
        Assert.NotNull(batch.Document.CreatedAt);
        var reachable = Spdx3FixtureTests.Reachable(batch);
        Assert.All(batch.Nodes.Where(n => n.Kind is NodeKind.PackageVersion), n => Assert.Contains(n.Ref, reachable));
    }

    [Theory]
    [MemberData(nameof(OtherJsonFiles))]
    public void CanRead_OtherCorpusJson_False(string relativePath) =>
        Assert.False(new Spdx3JsonLdReader().CanRead(CdxTestInput.FromFile(Path.Combine(Corpus.Root, relativePath))));

    [Fact]
    public void Read_PreReleaseDraft_AcceptedWithWarningsForDocumentLevelRelationships()
    {
        // MANIFEST: a pre-release serialization converted from SPDX 2, not 3.0.1-conformant. What it says about
        // packages, files and their relationships is unambiguous; the SPDX 2 habit of relating the document
        // itself (DOCUMENT contains/describes/copiedTo) is read as roots, with a warning for "contains".
        var batch = new Spdx3JsonLdReader().Read(CdxTestInput.FromFile(Corpus.PathOf("spdx3", "spdx-3-model_converted_from_spdx_2.json")));

        Assert.Equal(4, batch.Nodes.Count(n => n.Kind == NodeKind.PackageVersion));
        Assert.Contains(batch.Nodes, n => n.Ref == new NodeRef(NodeKind.PackageVersion, "pkg:maven/org.apache.jena/apache-jena@3.12.0"));
        Assert.Contains(batch.Warnings, w => w.Message.Contains("read as describes", StringComparison.Ordinal));
        Assert.Equal("SPDX-Tools-v2.0", batch.Document.Name);
        Assert.Equal("1", batch.Document.Properties["spdx3:relationshipTargetsDropped"]); // copiedTo an SPDX 2 DocumentRef
    }

    [Fact]
    public void Read_ExampleMaven_SharesIdentitiesWithItsSpdx2Sibling()
    {
        var spdx3 = new Spdx3JsonLdReader().Read(CdxTestInput.FromFile(Corpus.PathOf("spdx3", "spdx-examples_examplemaven-0.0.1-enriched.spdx3.json")));
        var keys = spdx3.Nodes.Where(n => n.Kind == NodeKind.PackageVersion).Select(n => n.Ref.Key).ToHashSet(StringComparer.Ordinal);

        using var spdx2 = JsonDocument.Parse(File.ReadAllBytes(Corpus.PathOf("spdx2", "spdx-examples_examplemaven-0.0.1-enriched.spdx.json")));
        var packages = spdx2.RootElement.GetProperty("packages").EnumerateArray().ToList();
        var spdx2Purls = packages
            .SelectMany(p => p.TryGetProperty("externalRefs", out var refs) ? refs.EnumerateArray() : [])
            .Where(r => r.GetProperty("referenceType").GetString() == "purl")
            .Select(r => PackageIdentity.FromPurl(r.GetProperty("referenceLocator").GetString()!).VersionKey)
            .ToHashSet(StringComparer.Ordinal);

        // Neither document gives a purl, so every purl the SPDX 2 one gives (none) is among the SPDX 3 keys, and
        // both meet on the fallback identity instead: pkg:generic/<name>@<version>.
        Assert.Subset(keys, spdx2Purls);
        var spdx2Fallbacks = packages
            .Select(p => PackageIdentity.FromComponent(null, p.GetProperty("name").GetString()!, p.TryGetProperty("versionInfo", out var v) ? v.GetString() : null).VersionKey)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(6, spdx2Fallbacks.Count);
        Assert.Equal(spdx2Fallbacks.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_Example6Bin_SharesIdentityWithItsSpdx2TagValueSibling()
    {
        var spdx3 = new Spdx3JsonLdReader().Read(CdxTestInput.FromFile(Corpus.PathOf("spdx3", "spdx-examples_example6-bin.spdx3.json")));
        var names = File.ReadAllLines(Corpus.PathOf("spdx2", "spdx-examples_example6-bin.spdx"))
            .Where(l => l.StartsWith("PackageName:", StringComparison.Ordinal))
            .Select(l => PackageIdentity.FromComponent(null, l["PackageName:".Length..].Trim(), null).VersionKey)
            .ToList();

        Assert.Equal(names, spdx3.Nodes.Where(n => n.Kind == NodeKind.PackageVersion).Select(n => n.Ref.Key));
    }
}
