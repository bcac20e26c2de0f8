using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using static ArtifactGraph.Storage.Conformance.TestDocument;

namespace ArtifactGraph.Storage.Conformance;

/// <summary>
/// Supersession and history, part of the conformance suite: a newer document about a subject replaces
/// the older one for current loads; as-of loads see the past; an old document ingested late stays old.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static TestDocument Image(string content, DateTimeOffset? createdAt, params string[] packages)
    {
        var image = new NodeRef(NodeKind.Image, "sha256:" + new string('a', 64));
        return Create(
            content,
            b =>
            {
                b.AddNode(image, "registry/app:1");
                foreach (var package in packages)
                {
                    b.AddEdge(EdgeKind.Contains, image, b.AddNode(Version(package, "1.0.0"), package));
                }
            },
            subject: image,
            createdAt: createdAt);
    }

    private static HashSet<string> ContainedPackages(IGraphStore store, DateTimeOffset? asOf = null)
    {
        var sink = new RecordingLoadSink();
        store.Load(sink, asOf);
        return sink.EdgeRefs().Where(e => e.Kind == EdgeKind.Contains).Select(e => e.To.Key).ToHashSet();
    }

    [Fact]
    public void Load_NewerDocumentForSameSubject_ReplacesOlderForCurrentQueries()
    {
        var store = NewStore();
        var old = Image("old", Monday, "left-pad", "lodash");
        var @new = Image("new", Monday.AddDays(1), "lodash", "express");
        store.Commit(old.Batch, old.Raw);

        var result = store.Commit(@new.Batch, @new.Raw);

        Assert.True(result.SupersessionChanged);
        Assert.Equal(["pkg:npm/express@1.0.0", "pkg:npm/lodash@1.0.0"], ContainedPackages(store).Order());
        var documents = store.ListDocuments();
        Assert.Equal(documents[1].Id, documents[0].SupersededBy);
        Assert.True(documents[1].IsCurrent);
    }

    [Fact]
    public void Load_AsOfBeforeNewerDocument_SeesOlderOne()
    {
        var store = NewStore();
        var old = Image("old", Monday, "left-pad");
        var @new = Image("new", Monday.AddDays(1), "express");
        store.Commit(old.Batch, old.Raw);
        store.Commit(@new.Batch, @new.Raw);

        Assert.Equal(["pkg:npm/left-pad@1.0.0"], ContainedPackages(store, Monday.AddHours(1)));
        Assert.Equal(["pkg:npm/express@1.0.0"], ContainedPackages(store, Monday.AddDays(2)));
        Assert.Empty(ContainedPackages(store, Monday.AddDays(-1)));
    }

    [Fact]
    public void Commit_OlderDocumentIngestedLater_DoesNotBecomeCurrent()
    {
        var store = NewStore();
        var old = Image("old", Monday, "left-pad");
        var @new = Image("new", Monday.AddDays(1), "express");
        store.Commit(@new.Batch, @new.Raw);

        store.Commit(old.Batch, old.Raw);

        Assert.Equal(["pkg:npm/express@1.0.0"], ContainedPackages(store));
        Assert.Single(store.ListDocuments(), d => d.IsCurrent);
    }

    [Fact]
    public void Load_DocumentsWithoutSubject_AreNeverSuperseded()
    {
        var store = NewStore();
        var a = Create("a", b => b.AddEdge(EdgeKind.DependsOn, b.AddNode(Version("a", "1")), b.AddNode(Version("b", "1"))));
        var c = Create("c", b => b.AddEdge(EdgeKind.DependsOn, b.AddNode(Version("c", "1")), b.AddNode(Version("d", "1"))));
        store.Commit(a.Batch, a.Raw);

        var result = store.Commit(c.Batch, c.Raw);

        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.False(result.SupersessionChanged);
        Assert.Equal(2, sink.EdgeRefs().Count);
        Assert.All(store.ListDocuments(), d => Assert.True(d.IsCurrent));
    }

    [Fact]
    public void GetEdgeDocuments_SharedEdge_ListsCurrentAndSupersededAsserters()
    {
        var store = NewStore();
        var old = Image("old", Monday, "lodash");
        var @new = Image("new", Monday.AddDays(1), "lodash");
        store.Commit(old.Batch, old.Raw);
        store.Commit(@new.Batch, @new.Raw);

        var image = new NodeRef(NodeKind.Image, "sha256:" + new string('a', 64));
        var documents = store.GetEdgeDocuments(EdgeKind.Contains, image, Version("lodash", "1.0.0"));

        Assert.Equal([false, true], documents.Select(d => d.IsCurrent));
        Assert.Contains("pkg:npm/lodash@1.0.0", ContainedPackages(store));
    }
}
