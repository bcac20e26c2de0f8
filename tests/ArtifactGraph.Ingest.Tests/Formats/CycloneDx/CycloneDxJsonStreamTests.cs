using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Ingest.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>
/// The JSON reader streams (one component or dependency entry at a time, in a second pass over the bytes);
/// these pin what a whole-document parse gave for free: member order, repeated members, which problem wins.
/// </summary>
public sealed class CycloneDxJsonStreamTests
{
    private static readonly string Lib = Purl.Create("npm", null, "lib", "1").ToString();

    [Fact]
    public void Read_DependenciesBeforeComponentsAndMetadataLast_SameGraphAsUsualOrder()
    {
        var usual = Read("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "metadata": { "component": { "bom-ref": "app", "type": "application", "name": "app", "version": "1" } },
              "components": [ { "bom-ref": "lib", "name": "lib", "version": "1", "purl": "pkg:npm/lib@1" } ],
              "dependencies": [ { "ref": "app", "dependsOn": [ "lib" ] } ] }
            """);
        var reordered = Read("""
            { "dependencies": [ { "ref": "app", "dependsOn": [ "lib" ] } ],
              "components": [ { "bom-ref": "lib", "name": "lib", "version": "1", "purl": "pkg:npm/lib@1" } ],
              "specVersion": "1.5",
              "metadata": { "component": { "bom-ref": "app", "type": "application", "name": "app", "version": "1" } },
              "bomFormat": "CycloneDX" }
            """);

        // The Document key is the bytes' SHA-256, so it differs; everything else is the same, in the same order.
        static NodeRef Plain(NodeRef node) => node.Kind == NodeKind.Document ? default : node;
        Assert.Equal(usual.Nodes.Select(n => Plain(n.Ref)), reordered.Nodes.Select(n => Plain(n.Ref)));
        Assert.Equal(usual.Edges.Select(e => (e.Kind, Plain(e.From), e.To)), reordered.Edges.Select(e => (e.Kind, Plain(e.From), e.To)));
        Assert.True(reordered.HasEdge(EdgeKind.DependsOn, reordered.Document.Subject!.Value, new NodeRef(NodeKind.PackageVersion, Lib)));
    }

    [Fact]
    public void Read_RepeatedTopLevelMember_LastOneWins()
    {
        var batch = Read("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "name": "gone", "version": "1" } ],
              "components": [ { "name": "lib", "version": "1", "purl": "pkg:npm/lib@1" } ] }
            """);

        Assert.Single(batch.Nodes, n => n.Kind == NodeKind.PackageVersion);
        batch.Node(NodeKind.PackageVersion, Lib);
    }

    [Fact]
    public void Read_ComponentMembersInAnyOrderRepeatedOrEscaped_TopLevelReadsAsNested()
    {
        // A top-level component is read at the member offsets the syntax pass recorded, a nested one by a pass of its own:
        // the same component must read the same either way (last repeated member wins, escaped names count, unknown skipped).
        const string Hex = "2a7700ac8cabe5e550235f0e453fd7d036571c68d8b51274aaac5d6457c4c9cb";
        static string Component(string name) => $$"""
            { "purl": "pkg:npm/{{name}}@2", "version": "1", "name": "{{name}}", "x-unknown": { "name": "no", "version": "9" },
              "version": "2", "hashes": [ { "alg": "SHA-256", "content": "{{Hex}}" } ], "licenses": [ { "license": { "id": "MIT" } } ],
              "type" : "library" , "description": "d", "properties": [ { "name": "k", "value": "v" } ], "scope": "optional" }
            """;
        var batch = Read($$"""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ {{Component("top")}}, { "name": "holder", "version": "1", "components": [ {{Component("nested")}} ] } ] }
            """);

        var top = batch.Node(NodeKind.PackageVersion, Purl.Parse("pkg:npm/top@2").ToString());
        var nested = batch.Node(NodeKind.PackageVersion, Purl.Parse("pkg:npm/nested@2").ToString());
        static string Same(NodeRecord node, string name) => string.Join(";", node.Properties.Select(p => p.Key + "=" + p.Value.Replace(name, "*", StringComparison.Ordinal)));
        Assert.Equal(Same(nested, "nested"), Same(top, "top"));
        Assert.Equal("2", top.Properties["cdx:version"]);
        Assert.Equal(["cdx:type", "cdx:version", "cdx:description", "cdx:scope", "cdx:prop:k"], top.Properties.Keys);
        Assert.True(batch.HasEdge(EdgeKind.OccursAs, top.Ref, new NodeRef(NodeKind.Artifact, "sha256:" + Hex)));
        Assert.Equal(batch.EdgesOf(EdgeKind.HasLicense).Count(e => e.From == nested.Ref), batch.EdgesOf(EdgeKind.HasLicense).Count(e => e.From == top.Ref));
    }

    [Fact]
    public void Read_RepeatedComponentsMemberWithOtherShapes_LastArrayReadAtItsOwnOffsets()
    {
        var batch = Read("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "name": "gone", "version": "1", "purl": "pkg:npm/gone@1" }, { "name": "gone2", "version": "1" } ],
              "components": [ { "description": "a longer member first", "version": "3", "name": "lib", "purl": "pkg:npm/lib@3" },
                              { "purl": "pkg:npm/other@4", "name": "other", "version": "4" } ] }
            """);

        Assert.Equal(
            [Purl.Parse("pkg:npm/lib@3").ToString(), Purl.Parse("pkg:npm/other@4").ToString()],
            batch.Nodes.Where(n => n.Kind == NodeKind.PackageVersion).Select(n => n.Key));
        Assert.Equal("a longer member first", batch.Node(NodeKind.PackageVersion, Purl.Parse("pkg:npm/lib@3").ToString()).Properties["cdx:description"]);
    }

    [Fact]
    public void Read_MoreComponentsThanTheSyntaxPassRecords_EveryOneRead()
    {
        // Past CdxJsonTopLevel.MaxRecordedComponents the members are found per component again.
        var count = CdxJsonTopLevel.MaxRecordedComponents + 3;
        var json = new System.Text.StringBuilder("""{ "bomFormat": "CycloneDX", "specVersion": "1.5", "components": [""");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(i % 2 == 0 ? $$"""{"name":"c{{i}}","version":"{{i}}"}""" : $$"""{"version":"{{i}}","type":"library","name":"c{{i}}"}""");
        }

        var batch = Read(json.Append("] }").ToString());

        var versions = batch.Nodes.Where(n => n.Kind == NodeKind.PackageVersion).ToList();
        Assert.Equal(count, versions.Count);
        Assert.All(versions.TakeLast(5), v => Assert.EndsWith("c" + v.Properties["cdx:version"] + "@" + v.Properties["cdx:version"], v.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnknownRefThenLaterShapeError_ShapeErrorReported()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => Read("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "bom-ref": "lib", "name": "lib", "version": "1" } ],
              "dependencies": [ { "ref": "nothing", "dependsOn": [] }, { "dependsOn": [ "lib" ] } ] }
            """));

        Assert.Equal("/dependencies/1", error.Location);
    }

    [Fact]
    public void Read_DuplicateBomRefThenNamelessNestedComponent_ShapeErrorReported()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => Read("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "bom-ref": "a", "name": "x" }, { "bom-ref": "a", "name": "y" },
                              { "name": "z", "components": [ { "version": "1" } ] } ] }
            """));

        Assert.Equal("/components/2/components/0", error.Location);
    }

    [Fact]
    public void Read_MalformedJsonAfterAShapeError_MalformedJsonReported()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => Read("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "version": "1" } ], "dependencies": [ } ] }
            """));

        Assert.StartsWith("line 2, byte ", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestedComponents_TopLevelListMappedBeforeNestedLists()
    {
        // The first listing of an identity names its node: a top-level listing wins over an earlier nested one.
        var batch = Read("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "name": "outer", "version": "1", "components": [ { "name": "nested-name", "version": "1", "purl": "pkg:npm/lib@1" } ] },
                              { "name": "top-name", "version": "1", "purl": "pkg:npm/lib@1" } ] }
            """);

        Assert.Equal("top-name", batch.Node(NodeKind.PackageVersion, Lib).Name);
        Assert.True(batch.HasEdge(EdgeKind.Contains, new NodeRef(NodeKind.PackageVersion, Purl.Create("generic", null, "outer", "1").ToString()), new NodeRef(NodeKind.PackageVersion, Lib)));
    }

    [Fact]
    public void Read_StringsEscapedOrNotAscii_SameAsWrittenPlainly()
    {
        // Plain ASCII values are cut straight from the bytes; escaped and non-ASCII ones go through the JSON reader. Both
        // must give the same strings: every value written with \u escapes reads as the same graph as written plainly.
        const string Hex = "2a7700ac8cabe5e550235f0e453fd7d036571c68d8b51274aaac5d6457c4c9cb";
        string Doc(Func<string, string> write) => $$"""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "bom-ref": {{write("pkg:npm/lib@1")}}, "type": {{write("library")}}, "name": {{write("lib")}},
                                "version": {{write("1")}}, "purl": {{write("pkg:npm/lib@1")}}, "description": {{write("café ☕")}},
                                "publisher": {{write("Ac\"me\\")}}, "scope": {{write("optional")}},
                                "hashes": [ { "alg": {{write("SHA-256")}}, "content": {{write(Hex)}} } ],
                                "licenses": [ { "license": { "id": {{write("MIT")}} } } ],
                                "properties": [ { "name": {{write("k")}}, "value": {{write("v é")}} } ] } ] }
            """;
        static string Plain(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        static string Escaped(string value) => "\"" + string.Concat(value.Select(c => $"\\u{(int)c:x4}")) + "\"";

        var plain = Read(Doc(Plain));
        var escaped = Read(Doc(Escaped));

        static NodeRef Plainly(NodeRef node) => node.Kind == NodeKind.Document ? default : node;
        Assert.Equal(plain.Nodes.Select(n => (Plainly(n.Ref), n.Name, string.Join(";", n.Properties))), escaped.Nodes.Select(n => (Plainly(n.Ref), n.Name, string.Join(";", n.Properties))));
        Assert.Equal(plain.Edges.Select(e => (e.Kind, Plainly(e.From), e.To)), escaped.Edges.Select(e => (e.Kind, Plainly(e.From), e.To)));
        var lib = plain.Node(NodeKind.PackageVersion, Lib);
        Assert.Equal("lib", lib.Name);
        Assert.Equal("café ☕", lib.Properties["cdx:description"]);
        Assert.Equal("Ac\"me\\", lib.Properties["cdx:publisher"]);
        Assert.True(plain.HasEdge(EdgeKind.OccursAs, lib.Ref, new NodeRef(NodeKind.Artifact, "sha256:" + Hex)));
    }

    [Fact]
    public void Read_DependencyRefsEscapedNonAsciiOrLong_ResolveAsWrittenPlainly()
    {
        // Refs are found by their UTF-8 bytes: as they lie when plain, unescaped first when escaped. A bom-ref with other
        // characters, or longer than the stack buffer, must resolve all the same, and an unknown one must still reject.
        string[] refs = ["pkg:npm/lib@1", "café-☕", "pkg:npm/" + new string('x', 300) + "@1", "a", "ab"];
        string Doc(Func<string, string> write, string extra = "") => $$"""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "metadata": { "component": { "bom-ref": "app", "type": "application", "name": "app", "version": "1" } },
              "components": [ {{string.Join(", ", refs.Select((r, i) => $$"""{ "bom-ref": "{{r}}", "name": "c{{i}}", "version": "1" }"""))}} ],
              "dependencies": [ { "ref": {{write("app")}}, "dependsOn": [ {{string.Join(", ", refs.Select(write))}}{{extra}} ] },
                                { "ref": {{write(refs[1])}}, "dependsOn": [ {{write(refs[2])}}, {{write(refs[3])}} ] } ] }
            """;
        static string Plain(string value) => "\"" + value + "\"";
        static string Escaped(string value) => "\"" + string.Concat(value.Select(c => $"\\u{(int)c:x4}")) + "\"";

        var plain = Read(Doc(Plain));
        var escaped = Read(Doc(Escaped));

        static NodeRef Plainly(NodeRef node) => node.Kind == NodeKind.Document ? default : node;
        var dependsOn = plain.EdgesOf(EdgeKind.DependsOn).Select(e => (e.From, e.To)).ToList();
        Assert.Equal(7, dependsOn.Count);
        Assert.Equal(dependsOn, escaped.EdgesOf(EdgeKind.DependsOn).Select(e => (e.From, e.To)));
        Assert.Equal(plain.Edges.Select(e => (e.Kind, Plainly(e.From), e.To)), escaped.Edges.Select(e => (e.Kind, Plainly(e.From), e.To)));
        var unknown = Assert.Throws<DocumentRejectedException>(() => Read(Doc(Escaped, ", " + Escaped("café-☕☕"))));
        Assert.Equal("unknown bom-ref 'café-☕☕'", unknown.Reason);
        Assert.Equal("/dependencies/0/dependsOn/5", unknown.Location);
    }

    [Fact]
    public void Read_DependencyRefWithALoneSurrogateEscape_RejectedAsUnreadable()
    {
        // Unescaped to UTF-8 now (to characters before): either way the JSON reader refuses the half pair, and the
        // document is rejected with its reason rather than failing the run.
        var ex = Assert.Throws<DocumentRejectedException>(() => Read("""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "bom-ref": "a", "name": "a", "version": "1" } ],
              "dependencies": [ { "ref": "a", "dependsOn": [ "\ud800" ] } ] }
            """));

        Assert.Contains("surrogate", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HashesPlainOrEscaped_SameArtifactsAndWarnings()
    {
        // A plain valid digest is made straight from its bytes; anything else (and every escaped value) is judged from
        // its string. Both must map every kind of value the same, warnings included.
        const string Hex = "2a7700ac8cabe5e550235f0e453fd7d036571c68d8b51274aaac5d6457c4c9cb";
        (string Alg, string Content)[] hashes =
        [
            ("SHA-256", Hex), ("sha256", Hex.ToUpperInvariant()), ("SHA-1", "ABCD" + Hex[..36]), ("sha256", " " + Hex + " "),
            ("sha256", Hex[..63]), ("sha256", "g" + Hex[1..]), ("sha256", string.Empty), ("blake3", Hex + Hex), ("x-custom", "0a1b"),
            ("not an algorithm!", Hex), ("sha512", Hex),
        ];
        string Doc(Func<string, string> write) => $$"""
            { "bomFormat": "CycloneDX", "specVersion": "1.5",
              "components": [ { "bom-ref": "lib", "name": "lib", "version": "1", "purl": "pkg:npm/lib@1",
                                "hashes": [ {{string.Join(", ", hashes.Select(h => $$"""{ "alg": "{{h.Alg}}", "content": {{write(h.Content)}} }"""))}},
                                            { "alg": "sha256" }, { "content": "{{Hex}}" } ] } ] }
            """;
        static string Plain(string value) => "\"" + value + "\"";
        static string Escaped(string value) => "\"" + string.Concat(value.Select(c => $"\\u{(int)c:x4}")) + "\"";

        var plain = Read(Doc(Plain));
        var escaped = Read(Doc(Escaped));

        static NodeRef Plainly(NodeRef node) => node.Kind == NodeKind.Document ? default : node;
        Assert.Equal(escaped.Nodes.Select(n => Plainly(n.Ref)), plain.Nodes.Select(n => Plainly(n.Ref)));
        Assert.Equal(escaped.Edges.Select(e => (e.Kind, Plainly(e.From), e.To)), plain.Edges.Select(e => (e.Kind, Plainly(e.From), e.To)));
        Assert.Equal(escaped.Warnings, plain.Warnings);
        Assert.Equal(
            ["blake3:" + Hex + Hex, "sha1:abcd" + Hex[..36], "sha256:" + Hex, "x-custom:0a1b"],
            plain.Nodes.Where(n => n.Kind == NodeKind.Artifact).Select(n => n.Key).Order(StringComparer.Ordinal));
        Assert.Equal(7, plain.Warnings.Count);
    }

    private static Core.Ingestion.IngestBatch Read(string json) => new CycloneDxJsonReader().Read(CdxTestInput.FromJson(json));
}
