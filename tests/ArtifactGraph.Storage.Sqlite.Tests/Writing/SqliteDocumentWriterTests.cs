using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Conformance;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

/// <summary>
/// Edges that touch a node the document itself inserted skip the row cache (they cannot be stored yet), and an
/// image's own edges are not cached at all; these check that the graph comes out the same either way.
/// </summary>
public sealed class SqliteDocumentWriterTests : IDisposable
{
    private static readonly NodeRef Image = new(NodeKind.Image, "sha256:" + new string('a', 64));
    private static readonly Dictionary<string, string> None = [];
    private readonly TempDatabase _database = new();

    [Fact]
    public void Write_EdgeOfNewImageAgainInLaterChunk_StoredOnceWithBothChunksProperties()
    {
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var package = TestDocument.Version("left-pad", "1.3.0");
        var doc = TestDocument.Create("chunks", b => b.AddNode(Image), subject: Image);
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            writer.Write([new NodeRecord(Image, null, None), new NodeRecord(package, "left-pad", None)], [Contains(package, ("a", "1"))]);
            writer.Write([], [Contains(package, ("b", "2"))]);
            writer.Complete(doc.Batch);
        }

        Assert.Equal(1L, TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM edges WHERE kind = {(int)EdgeKind.Contains};"));
        Assert.Equal("""{"b":"2","a":"1"}""", TempDatabase.Scalar<string>(path, $"SELECT properties FROM edges WHERE kind = {(int)EdgeKind.Contains};"));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100)]
    public void Write_NewImagesEdgesInBatches_EachStoredOnceAndAssertedByTheDocument(int packages)
    {
        // A new image's own edges go in by batches of 32 rows, the ids taken from the last one inserted; the second chunk
        // names a third of them again (one more property each), so its batches meet stored edges and fall back. Neither the
        // first nor the last of a batch is named again: their provenance comes from the batch's ids alone.
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var versions = Enumerable.Range(0, packages).Select(i => TestDocument.Version($"p{i}", "1.0.0")).ToList();
        var doc = TestDocument.Create("batches", b => b.AddNode(Image), subject: Image);
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            writer.Write([new NodeRecord(Image, null, None), .. versions.Select(v => new NodeRecord(v, null, None))], [.. versions.Select(v => Contains(v, ("a", "1")))]);
            writer.Write([], [.. versions.Where((_, i) => i % 3 == 2).Select(v => Contains(v, ("b", "2")))]);
            writer.Complete(doc.Batch);
        }

        Assert.Equal((long)packages, TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM edges WHERE kind = {(int)EdgeKind.Contains};"));
        for (var i = 0; i < packages; i++)
        {
            var properties = TempDatabase.Scalar<string>(
                path,
                $"SELECT e.properties FROM edges e JOIN nodes t ON t.id = e.to_id WHERE e.kind = {(int)EdgeKind.Contains} AND t.key = '{versions[i].Key}';");
            Assert.Equal(i % 3 == 2 ? """{"b":"2","a":"1"}""" : """{"a":"1"}""", properties);
            Assert.Equal([doc.Sha256], store.GetEdgeDocuments(EdgeKind.Contains, Image, versions[i]).Select(d => d.Sha256));
        }
    }

    [Fact]
    public void Commit_NewImage_CachesTheDependencyEdgesButNotTheImagesOwn()
    {
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var doc = ImageSbom("first", ("a", null), ("b", null), ("c", "a"));

        store.Commit(doc.Batch, doc.Raw);

        var stored = TempDatabase.Scalar<long>(path, "SELECT count(*) FROM edges;");
        var imageEdges = TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM edges WHERE from_id = (SELECT id FROM nodes WHERE key = '{Image.Key}');");
        Assert.Equal(3L, imageEdges);
        Assert.Equal(stored - imageEdges, store.CachedEdges);
    }

    [Fact]
    public void Write_NewNodesEdgesInTwoGroups_CachesBothGroups()
    {
        // A component's own edges come first and its dependencies later, after other components' edges: the
        // node's cached run must keep the first group when the second arrives.
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var (p, q, r) = (TestDocument.Version("p", "1"), TestDocument.Version("q", "1"), TestDocument.Version("r", "1"));
        var doc = TestDocument.Create("groups", _ => { });
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            writer.Write(
                [new NodeRecord(p, "p", None), new NodeRecord(q, "q", None), new NodeRecord(r, "r", None)],
                [new EdgeRecord(EdgeKind.OccursAs, p, q, None), new EdgeRecord(EdgeKind.DependsOn, q, r, None), new EdgeRecord(EdgeKind.DependsOn, p, r, None)]);
            writer.Complete(doc.Batch);
        }

        Assert.Equal(3L, TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM edges WHERE kind <> {(int)EdgeKind.Describes};"));
        Assert.Equal(TempDatabase.Scalar<long>(path, "SELECT count(*) FROM edges;"), store.CachedEdges);
    }

    [Fact]
    public void Commit_SameImageInLaterDocument_FindsItsUncachedEdgesInTheTable()
    {
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var first = ImageSbom("first", ("a", null), ("b", "a"));
        var second = ImageSbom("second", ("a", null), ("b", "a"), ("c", null));
        store.Commit(first.Batch, first.Raw);

        var result = store.Commit(second.Batch, second.Raw);

        Assert.Equal(3L, TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM edges WHERE kind = {(int)EdgeKind.Contains};"));
        Assert.Equal(1L, TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM edges WHERE kind = {(int)EdgeKind.DependsOn};"));
        Assert.Equal(2, store.GetEdgeDocuments(EdgeKind.Contains, Image, TestDocument.Version("a", "1.0.0")).Count);
        Assert.Equal(2, store.GetEdgeDocuments(EdgeKind.DependsOn, TestDocument.Version("b", "1.0.0"), TestDocument.Version("a", "1.0.0")).Count);
        Assert.Single(store.GetEdgeDocuments(EdgeKind.Contains, Image, TestDocument.Version("c", "1.0.0")));
        Assert.Equal(2, result.EdgesAdded); // the image's CONTAINS of c and the new Document node's DESCRIBES
    }

    [Fact]
    public void Write_EdgeEndsInStringsOtherThanTheNodes_EachFindsItsNode()
    {
        // The writer finds an edge's end by its key string's identity, then by the key's text; what it found by text is
        // remembered under that string too, for the edges after it. Every end here is equal text in another string.
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var (a, b, c) = (TestDocument.Version("a", "1"), TestDocument.Version("b", "1"), TestDocument.Version("c", "1"));
        static NodeRef Copy(NodeRef node) => new(node.Kind, new string(node.Key.AsSpan()));
        var (otherA, otherB) = (Copy(a), Copy(b));
        var doc = TestDocument.Create("ends", builder => builder.AddNode(Image), subject: Image);
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            writer.Write(
                [new NodeRecord(Image, null, None), new NodeRecord(a, "a", None), new NodeRecord(b, "b", None), new NodeRecord(c, "c", None)],
                [new(EdgeKind.Contains, Copy(Image), otherA, None), new(EdgeKind.Contains, Image, otherB, None),
                 new(EdgeKind.DependsOn, otherB, otherA, None), new(EdgeKind.DependsOn, Copy(c), otherA, None), new(EdgeKind.DependsOn, c, otherB, None)]);
            writer.Complete(doc.Batch);
        }

        var edges = TempDatabase.Scalar<string>(
            path,
            $"SELECT group_concat(edge, '; ') FROM (SELECT f.key || ' ' || e.kind || ' ' || t.key AS edge FROM edges e JOIN nodes f ON f.id = e.from_id JOIN nodes t ON t.id = e.to_id WHERE e.kind IN ({(int)EdgeKind.Contains}, {(int)EdgeKind.DependsOn}) ORDER BY edge);");
        Assert.Equal(
            string.Join("; ", new[] { (Image, EdgeKind.Contains, a), (Image, EdgeKind.Contains, b), (b, EdgeKind.DependsOn, a), (c, EdgeKind.DependsOn, a), (c, EdgeKind.DependsOn, b) }
                .Select(e => $"{e.Item1.Key} {(int)e.Item2} {e.Item3.Key}").Order(StringComparer.Ordinal)),
            edges);
    }

    public void Dispose() => _database.Dispose();

    private static EdgeRecord Contains(NodeRef package, (string Key, string Value) property) =>
        new(EdgeKind.Contains, Image, package, new Dictionary<string, string> { [property.Key] = property.Value });

    /// <summary>An image listing packages (name, the name of the package it depends on or null), all at 1.0.0.</summary>
    private static TestDocument ImageSbom(string content, params (string Name, string? DependsOn)[] packages) =>
        TestDocument.Create(
            content,
            b =>
            {
                b.AddNode(Image);
                foreach (var (name, _) in packages)
                {
                    b.AddEdge(EdgeKind.Contains, Image, b.AddNode(TestDocument.Version(name, "1.0.0"), name));
                }

                foreach (var (name, dependsOn) in packages.Where(p => p.DependsOn is not null))
                {
                    b.AddEdge(EdgeKind.DependsOn, TestDocument.Version(name, "1.0.0"), TestDocument.Version(dependsOn!, "1.0.0"));
                }
            },
            subject: Image);
}
