using ArtifactGraph.Storage.Sqlite.Migrations;
using ArtifactGraph.Storage.Sqlite.Tests.Provenance;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Migrations;

/// <summary>Migration 008: the pairs merged into edge_documents / node_documents become segment 1 of the block indexes.</summary>
public sealed class ProvenanceBlocksBackfillTests : IDisposable
{
    private const string OldTables = "SELECT count(*) FROM sqlite_master WHERE name IN ('edge_documents', 'node_documents');";

    private readonly TempDatabase _database = new();

    [Fact]
    public void Open_DatabaseAtVersion7_MovesTheMergedPairsAndAnswersAsBefore()
    {
        var documents = ProvenanceAnswers.Documents();
        var path = _database.NewPath();
        var expected = ProvenanceAnswers.CommitMerged(path, documents);

        var edges = MergedPairs.Of(path, "edge_document_blocks");
        var nodes = MergedPairs.Of(path, "node_document_blocks");
        ProvenanceBeforeBlocks.Restore(path);
        Assert.Equal(2L, TempDatabase.Scalar<long>(path, OldTables));

        using (var migrated = ProvenanceMergerTests.Open(path, mergeIds: 0))
        {
            Assert.Equal(expected, ProvenanceAnswers.Of(migrated, documents));
        }

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, OldTables));
        Assert.Equal(edges, MergedPairs.Of(path, "edge_document_blocks"));
        Assert.Equal(nodes, MergedPairs.Of(path, "node_document_blocks"));
        Assert.Equal("1 " + (edges.Count + nodes.Count), TempDatabase.Scalar<string>(path, "SELECT group_concat(id || ' ' || pairs) FROM provenance_segments;"));
        Assert.Equal(TempDatabase.Scalar<long>(path, "SELECT merged_through FROM provenance_merge;"), TempDatabase.Scalar<long>(path, "SELECT through FROM provenance_segments;"));
    }

    [Fact]
    public void Commit_AfterTheMigration_NewSegmentsBesideTheMovedOne()
    {
        var documents = ProvenanceAnswers.Documents();
        var path = _database.NewPath();
        using (var store = ProvenanceMergerTests.Open(path, mergeIds: 0))
        {
            store.Commit(documents[0].Batch, documents[0].Raw);
        }

        ProvenanceBeforeBlocks.Restore(path);
        using var reference = ProvenanceMergerTests.Open(_database.NewPath(), mergeIds: 0);
        reference.Commit(documents[0].Batch, documents[0].Raw);
        using var migrated = ProvenanceMergerTests.Open(path, mergeIds: 0);
        foreach (var document in documents.Skip(1))
        {
            migrated.Commit(document.Batch, document.Raw);
            reference.Commit(document.Batch, document.Raw);
        }

        Assert.Equal(ProvenanceAnswers.Of(reference, documents), ProvenanceAnswers.Of(migrated, documents));
        Assert.Equal(documents.Count, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM provenance_segments;"));
    }

    [Fact]
    public void Open_EmptyDatabaseAtVersion7_NoSegment()
    {
        var path = _database.NewPath();
        using (var connection = TempDatabase.Connect(path))
        {
            new MigrationRunner([.. Migration.LoadEmbedded().Where(m => m.Version <= 7)], new FakeTimeProvider(), NullLogger.Instance).Apply(connection);
        }

        TempDatabase.Open(path).Dispose();

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, OldTables));
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM provenance_segments;"));
    }

    public void Dispose() => _database.Dispose();
}
