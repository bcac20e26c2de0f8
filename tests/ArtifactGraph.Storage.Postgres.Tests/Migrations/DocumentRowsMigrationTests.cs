using ArtifactGraph.Storage.Postgres.Migrations;
using ArtifactGraph.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Tests.Migrations;

/// <summary>005_document_rows: a store written with per-row provenance keeps every (row, document) pair.</summary>
public sealed class DocumentRowsMigrationTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public void Apply_StoreAtVersionFourWithProvenance_MovesItIntoOneSortedRowPerDocument()
    {
        var schema = database.NewSchema();
        var all = Migration.LoadEmbedded();
        var version4 = all.Where(m => m.Version <= 4).ToList();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema, Pooling = false }.ToString());
        connection.Open();
        new MigrationRunner(version4, new FakeTimeProvider(), NullLogger.Instance).Apply(connection, schema);
        Execute(
            connection,
            """
            INSERT INTO documents (sha256, format, name, ingested_at, seq, byte_size, raw, raw_encoding)
            VALUES ('a', 'f', 'a', now(), 1, 0, '', 'identity'), ('b', 'f', 'b', now(), 2, 0, '', 'identity');
            INSERT INTO edge_documents (edge_id, document_id) VALUES (9, 1), (4, 1), (4, 2);
            INSERT INTO node_documents (node_id, document_id) VALUES (3, 1), (1, 1);
            """);

        new MigrationRunner(all, new FakeTimeProvider(), NullLogger.Instance).Apply(connection, schema);

        Assert.Equal([4L, 9], database.Scalar<long[]>(schema, "SELECT edge_ids FROM document_rows WHERE document_id = 1;"));
        Assert.Equal([1L, 3], database.Scalar<long[]>(schema, "SELECT node_ids FROM document_rows WHERE document_id = 1;"));
        Assert.Equal([4L], database.Scalar<long[]>(schema, "SELECT edge_ids FROM document_rows WHERE document_id = 2;"));
        Assert.Empty(database.Scalar<long[]>(schema, "SELECT node_ids FROM document_rows WHERE document_id = 2;"));
        Assert.Equal(0L, database.Scalar<long>(schema, "SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename = 'edge_documents';", schema));
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
