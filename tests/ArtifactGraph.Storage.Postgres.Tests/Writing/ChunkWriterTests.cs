using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static ArtifactGraph.Storage.Conformance.TestDocument;

namespace ArtifactGraph.Storage.Postgres.Tests.Writing;

/// <summary>The set-based chunk statements: cross-chunk edge ends, rows left untouched when nothing changes.</summary>
public sealed class ChunkWriterTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly Dictionary<string, string> None = [];

    private (PostgresGraphStore Store, string Schema) Open()
    {
        var schema = database.NewSchema();
        return (PostgresGraphStore.Open(new PostgresStoreOptions { ConnectionString = database.ConnectionString, Schema = schema }, new FakeTimeProvider()), schema);
    }

    [Fact]
    public void Write_EdgeToNodeOfEarlierChunk_ResolvesItFromTheTable()
    {
        var (store, _) = Open();
        using var _store = store;
        var doc = Sbom("cross-chunk", "app");
        var root = new NodeRecord(Version("root", "1"), "root", None);
        var leaf = new NodeRecord(Version("leaf", "1"), "leaf", None);

        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            writer.Write([root], []);
            writer.Write([leaf], [new EdgeRecord(EdgeKind.DependsOn, leaf.Ref, root.Ref, None)]);
            writer.Complete(doc.Batch);
        }

        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.Contains((EdgeKind.DependsOn, leaf.Ref, root.Ref), sink.EdgeRefs());
    }

    [Fact]
    public void Write_EdgeToNodeNeverWritten_ThrowsAndCommitsNothing()
    {
        var (store, _) = Open();
        using var _store = store;
        var doc = Sbom("dangling", "app");
        var leaf = new NodeRecord(Version("leaf", "1"), "leaf", None);

        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            var error = Assert.Throws<InvalidOperationException>(() =>
                writer.Write([leaf], [new EdgeRecord(EdgeKind.DependsOn, leaf.Ref, Version("ghost", "1"), None)]));
            Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(store.ListDocuments());
    }

    /// <summary>A popular node in every document must not be rewritten each time (a dead tuple per commit).</summary>
    [Fact]
    public void Commit_NodeAlreadyStoredUnchanged_IsNotRewritten()
    {
        var (store, schema) = Open();
        using var _store = store;
        var first = Sbom("first", "app", ("left-pad", "1.3.0"));
        store.Commit(first.Batch, first.Raw);
        var before = database.Scalar<string>(schema, "SELECT xmin::text FROM nodes WHERE key = 'pkg:npm/left-pad@1.3.0';");

        var second = Sbom("second", "other", ("left-pad", "1.3.0"));
        store.Commit(second.Batch, second.Raw);

        Assert.Equal(before, database.Scalar<string>(schema, "SELECT xmin::text FROM nodes WHERE key = 'pkg:npm/left-pad@1.3.0';"));
    }
}
