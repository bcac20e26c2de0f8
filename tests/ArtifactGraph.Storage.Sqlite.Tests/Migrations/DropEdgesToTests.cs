using ArtifactGraph.Storage.Sqlite.Migrations;
using ArtifactGraph.Storage.Sqlite.Tests.Provenance;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Migrations;

/// <summary>Migration 006: the reverse-edge index nothing read is gone, and every edge lookup still uses an index.</summary>
public sealed class DropEdgesToTests : IDisposable
{
    private const string IndexCount = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'edges_to';";

    private readonly TempDatabase _database = new();

    [Fact]
    public void Open_FreshDatabase_HasNoReverseEdgeIndex()
    {
        var path = _database.NewPath();

        TempDatabase.Open(path).Dispose();

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, IndexCount));
    }

    [Fact]
    public void Open_DatabaseAtVersion5_DropsTheIndexAndReadsTheSameGraph()
    {
        var documents = ProvenanceAnswers.Documents();
        var path = _database.NewPath();
        using (var connection = TempDatabase.Connect(path))
        {
            var upTo5 = Migration.LoadEmbedded().Where(m => m.Version <= 5).ToList();
            new MigrationRunner(upTo5, new FakeTimeProvider(), NullLogger.Instance).Apply(connection);
        }

        Assert.Equal(1L, TempDatabase.Scalar<long>(path, IndexCount));
        string written;
        using (var store = TempDatabase.Open(path))
        {
            foreach (var document in documents)
            {
                store.Commit(document.Batch, document.Raw);
            }

            written = ProvenanceAnswers.Of(store, documents);
        }

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, IndexCount));
        using var reopened = TempDatabase.Open(path);
        Assert.Equal(written, ProvenanceAnswers.Of(reopened, documents));
    }

    /// <summary>The statements that look edges up by their endpoints must not fall back to scanning the table.</summary>
    [Theory]
    [InlineData("SELECT id, 0, properties FROM edges e WHERE kind = 1 AND from_id = 2 AND to_id = 3;")]
    [InlineData("SELECT id FROM edges e WHERE kind = 1 AND from_id = 2 AND to_id = 3;")]
    public void EdgeLookup_WithoutReverseIndex_UsesTheUniqueIndex(string sql)
    {
        var path = _database.NewPath();
        TempDatabase.Open(path).Dispose();

        var plan = TempDatabase.QueryPlan(path, sql);

        Assert.Contains(plan, step => step.StartsWith("SEARCH e", StringComparison.Ordinal) && step.Contains("INDEX sqlite_autoindex_edges_1 (kind=? AND from_id=? AND to_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN e", StringComparison.Ordinal));
    }

    public void Dispose() => _database.Dispose();
}
