using System.Text;
using System.Text.Json.Nodes;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.Spdx2;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx2;

/// <summary>
/// Every file in corpus/spdx2 and every SPDX 2 JSON document under corpus/guac: RDF/XML and SPDX XML are not claimed;
/// the rest are accepted with counts equal to an independent count of the raw file, or rejected when that count
/// says the document is invalid (spdxVersion not a string, a bad document SPDXID, a relationship to an unknown id).
/// </summary>
public sealed class Spdx2CorpusTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        var guac = Corpus.Files("guac", "*.json").Where(f => JsonNode.Parse(File.ReadAllBytes(f)) is JsonObject o && o.ContainsKey("spdxVersion"));
        foreach (var file in Corpus.Files("spdx2").Concat(guac))
        {
            data.Add(Path.GetRelativePath(Corpus.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Read_CorpusDocument_MatchesIndependentCountOrIsRejectedForTheCountedReason(string relativePath)
    {
        var path = Path.Combine(Corpus.Root, relativePath);
        var input = Spdx2TestInput.FromFile(path);
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (text.StartsWith('<'))
        {
            // RDF/XML and SPDX XML are not supported: no SPDX 2 reader claims them (the sniffer rejects them as unrecognised).
            Assert.All(Spdx2TestInput.Readers, r => Assert.False(r.CanRead(input)));
            Assert.All(Readers.All, r => Assert.False(r.CanRead(input)));
            return;
        }

        var raw = text.StartsWith('{') ? JsonNode.Parse(text)!
            : text.Contains("\nspdxVersion:", StringComparison.Ordinal) || text.StartsWith("spdxVersion", StringComparison.Ordinal) || text.StartsWith("---", StringComparison.Ordinal) ? RawShapes.FromYaml(text)
            : RawShapes.FromTagValue(text);
        var expected = Spdx2IndependentCount.Of(raw);
        var reader = Spdx2TestInput.Readers.SingleOrDefault(r => r.CanRead(input)) ?? new Spdx2JsonReader();

        if (expected.RejectBecause is not null)
        {
            var error = Assert.Throws<DocumentRejectedException>(() => reader.Read(input));
            Assert.False(string.IsNullOrWhiteSpace(error.Location));
            return;
        }

        Assert.Equal(reader, Spdx2TestInput.ReaderFor(input));
        var batch = reader.Read(input);
        var packageNodes = batch.Nodes.Count(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image && !n.Properties.ContainsKey("spdx:subject"));
        Assert.Equal(expected.Packages, packageNodes);
        Assert.Equal(expected.Files, batch.Nodes.Count(n => n.Kind == NodeKind.Artifact && n.Properties.ContainsKey("spdx:id") && n.Properties["spdx:id"].Length > 0 && n.Name is not null));
        Assert.Equal(expected.DependsOn, batch.EdgesOf(EdgeKind.DependsOn).Count());
        Assert.Equal(expected.Contains, batch.EdgesOf(EdgeKind.Contains).Count());

        // Nothing dangles: every package and file node is reachable from the Document node.
        var reachable = batch.ReachableFromDocument();
        Assert.All(batch.Nodes.Where(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image or NodeKind.Artifact && n.Name is not null), n => Assert.Contains(n.Ref, reachable));
    }

    [Fact]
    public void Read_GuacInvalidSpdx_RejectedForNumericSpdxVersionAndNotClaimed()
    {
        // "spdxVersion": 2 — not a version string; no reader claims it, and reading it anyway names the field.
        var input = Spdx2TestInput.FromFile(Corpus.PathOf("guac", "exampledata", "invalid-spdx.json"));

        Assert.All(Readers.All, r => Assert.False(r.CanRead(input)));
        var error = Assert.Throws<DocumentRejectedException>(() => new Spdx2JsonReader().Read(input));
        Assert.Equal("/spdxVersion", error.Location);
    }

    [Fact]
    public void Read_GuacInvalidIdentifier_RejectedForEmptyDocumentSpdxId()
    {
        // Identical to small-spdx.json except "SPDXID": "" — the document has no identity to hang DESCRIBES on.
        var input = Spdx2TestInput.FromFile(Corpus.PathOf("guac", "exampledata", "invalid-spdx-identifier-spdx.json"));

        var error = Assert.Throws<DocumentRejectedException>(() => Spdx2TestInput.ReaderFor(input).Read(input));
        Assert.Equal("/SPDXID", error.Location);
    }

    [Fact]
    public void Read_GuacSmallSpdx_AcceptsTagValueSpellingPackageNameWithWarnings()
    {
        var batch = Spdx2TestInput.Read(Spdx2TestInput.FromFile(Corpus.PathOf("guac", "exampledata", "small-spdx.json")));

        Assert.Equal(3, batch.Nodes.Count(n => n.Kind == NodeKind.PackageVersion));
        Assert.Contains(batch.Warnings, w => w.Location == "/packages/0/packageName");
        Assert.Equal(new NodeRef(NodeKind.PackageVersion, "pkg:generic/golang.org%2Fx%2Ftext"), batch.Document.Subject);
    }

    [Fact]
    public void Read_GuacAlpineSmall_RelationshipsToRemovedFilesSkippedWithWarnings()
    {
        // GUAC trimmed files out of this document but kept the relationships that name them.
        var input = Spdx2TestInput.FromFile(Corpus.PathOf("guac", "exampledata", "alpine-small-spdx.json"));

        var batch = Spdx2TestInput.ReaderFor(input).Read(input);

        Assert.Contains(batch.Warnings, w => w.Message.Contains("no element of this document", StringComparison.Ordinal));
        Assert.True(int.Parse(batch.Document.Properties["spdx:relationshipsSkipped"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void Documents_CoverEveryFormat()
    {
        var names = ((IEnumerable<object[]>)Documents()).Select(d => (string)d[0]).ToList();

        Assert.Contains(names, n => n.EndsWith(".spdx", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".yaml", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".xml", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("guac", StringComparison.Ordinal));
    }
}
