using ArtifactGraph.Storage.Sqlite.Migrations;
using ArtifactGraph.Storage.Sqlite.Provenance;
using ArtifactGraph.Storage.Sqlite.Tests.Provenance;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Migrations;

/// <summary>Migration 005 on a database written at schema version 4 (per-(row, document) provenance only).</summary>
public sealed class DocumentRowsBackfillTests : IDisposable
{
    private const string Version4Schema = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name;";

    private readonly TempDatabase _database = new();

    [Fact]
    public void Open_DatabaseAtVersion4_BackfillsDocumentRowsAndAnswersAsBefore()
    {
        var documents = ProvenanceAnswers.Documents();
        var path = _database.NewPath();
        var expected = ProvenanceAnswers.CommitMerged(path, documents);

        DowngradeToVersion4(path);
        Assert.Equal(Lines(FreshVersion4(), Version4Schema), Lines(path, Version4Schema));

        using var migrated = ProvenanceMergerTests.Open(path, mergeIds: long.MaxValue);

        Assert.Equal(expected, ProvenanceAnswers.Of(migrated, documents));
        Assert.Equal(Migration.LoadEmbedded()[^1].Version, TempDatabase.Scalar<long>(path, "SELECT max(version) FROM schema_migrations;"));
        Assert.Equal(0, ProvenanceMergerTests.StagedDocuments(path));
        Assert.Equal(TempDatabase.Scalar<long>(path, "SELECT max(id) FROM documents;"), TempDatabase.Scalar<long>(path, "SELECT merged_through FROM provenance_merge;"));
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM sqlite_master WHERE name = 'edge_documents_document';"));
        Assert.Equal(Merged(path, "edge_document_blocks"), ListedRows(path, "edge_ids"));
        Assert.Equal(Merged(path, "node_document_blocks"), ListedRows(path, "node_ids"));
    }

    [Fact]
    public void Open_EmptyDatabaseAtVersion4_MigratesWithNothingStaged()
    {
        var path = FreshVersion4();

        using var store = ProvenanceMergerTests.Open(path, mergeIds: long.MaxValue);

        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM document_rows;"));
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT merged_through FROM provenance_merge;"));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Exactly what a version 4 build leaves: 005's tables and later records gone, 002's and 001's indexes back.</summary>
    private static void DowngradeToVersion4(string path)
    {
        ProvenanceBeforeBlocks.Restore(path);
        using var connection = TempDatabase.Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            DROP TABLE document_rows;
            DROP TABLE provenance_merge;
            CREATE INDEX edge_documents_document ON edge_documents (document_id, edge_id);
            CREATE INDEX edges_to ON edges (to_id, kind);
            DELETE FROM schema_migrations WHERE version >= 5;
            """;
        command.ExecuteNonQuery();
    }

    private string FreshVersion4()
    {
        var path = _database.NewPath();
        using var connection = TempDatabase.Connect(path);
        var upTo4 = Migration.LoadEmbedded().Where(m => m.Version <= 4).ToList();
        new MigrationRunner(upTo4, new FakeTimeProvider(), NullLogger.Instance).Apply(connection);
        return path;
    }

    private static List<string> Lines(string path, string sql)
    {
        using var connection = TempDatabase.Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>The merged pairs (migrated on to blocks by 008) as "document:row" lines, in document order.</summary>
    private static List<string> Merged(string path, string table) =>
        [.. MergedPairs.Of(path, table).OrderBy(p => p.Document).ThenBy(p => p.Row).Select(p => $"{p.Document}:{p.Row}")];

    /// <summary>document_rows' lists decoded as "document:row" lines, in the order of the index's primary key.</summary>
    private static List<string> ListedRows(string path, string column)
    {
        using var connection = TempDatabase.Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT document_id, {column} FROM document_rows ORDER BY document_id;";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            var document = reader.GetInt64(0);
            lines.AddRange(RowIdList.Decode(reader.GetFieldValue<byte[]>(1)).Select(id => $"{document}:{id}"));
        }

        return lines;
    }
}
