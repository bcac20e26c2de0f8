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

    private static Core.Ingestion.IngestBatch Read(string json) => new CycloneDxJsonReader().Read(CdxTestInput.FromJson(json));
}
