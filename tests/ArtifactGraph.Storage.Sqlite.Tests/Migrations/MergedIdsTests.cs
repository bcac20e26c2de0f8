using ArtifactGraph.Storage.Sqlite.Tests.Provenance;

namespace ArtifactGraph.Storage.Sqlite.Tests.Migrations;

/// <summary>Migration 007: the ids the merged documents hold are kept beside the watermark, filled once from the rows.</summary>
public sealed class MergedIdsTests : IDisposable
{
    private const string Kept = "SELECT merged_ids FROM provenance_merge;";
    private const string Summed = "SELECT coalesce(sum(edge_count + node_count), 0) FROM document_rows WHERE document_id <= (SELECT merged_through FROM provenance_merge);";

    private readonly TempDatabase _database = new();

    [Fact]
    public void Open_DatabaseAtVersion6_FillsTheTotalFromTheMergedRows()
    {
        // Documents committed and merged, then the database taken back to version 6 (column and record gone).
        var path = _database.NewPath();
        using (var store = ProvenanceMergerTests.Open(path, mergeIds: 0))
        {
            foreach (var document in ProvenanceAnswers.Documents())
            {
                store.Commit(document.Batch, document.Raw);
            }
        }

        using (var connection = TempDatabase.Connect(path))
        {
            using var back = connection.CreateCommand();
            back.CommandText = "ALTER TABLE provenance_merge DROP COLUMN merged_ids; DELETE FROM schema_migrations WHERE version = 7;";
            back.ExecuteNonQuery();
        }

        using var reopened = ProvenanceMergerTests.Open(path, mergeIds: 0);

        Assert.True(TempDatabase.Scalar<long>(path, Summed) > 0);
        Assert.Equal(TempDatabase.Scalar<long>(path, Summed), TempDatabase.Scalar<long>(path, Kept));
    }

    [Fact]
    public void Merge_AdvancesTheTotalWithTheWatermark()
    {
        var path = _database.NewPath();
        using var store = ProvenanceMergerTests.Open(path, mergeIds: 0);

        foreach (var document in ProvenanceAnswers.Documents())
        {
            store.Commit(document.Batch, document.Raw);
            Assert.Equal(TempDatabase.Scalar<long>(path, Summed), TempDatabase.Scalar<long>(path, Kept));
        }

        Assert.Equal(TempDatabase.Scalar<long>(path, "SELECT sum(edge_count + node_count) FROM document_rows;"), TempDatabase.Scalar<long>(path, Kept));
    }

    public void Dispose() => _database.Dispose();
}
