using ArtifactGraph.Storage.Sqlite.Migrations;
using ArtifactGraph.Storage.Sqlite.Tests.Provenance;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Migrations;

/// <summary>
/// Takes a store back to schema version 7: the merged pairs in <c>edge_documents</c> / <c>node_documents</c>, created
/// as a version 7 build creates them, <c>nodes</c> with its unique (kind, key) again (migration 010 rebuilt it), and
/// the tables and records of migrations 008 and later gone.
/// </summary>
internal static class ProvenanceBeforeBlocks
{
    public static void Restore(string path)
    {
        var edges = MergedPairs.Of(path, "edge_document_blocks");
        var nodes = MergedPairs.Of(path, "node_document_blocks");
        NodesBeforeStaging.Restore(path);
        using var connection = TempDatabase.Connect(path);
        using var transaction = connection.BeginTransaction();
        foreach (var sql in Version7Tables())
        {
            Execute(sql);
        }

        Insert("edge_documents", "edge_id", edges);
        Insert("node_documents", "node_id", nodes);
        Execute("DROP TABLE edge_document_blocks; DROP TABLE node_document_blocks; DROP TABLE provenance_segments; DROP TABLE provenance_compaction; DELETE FROM schema_migrations WHERE version >= 8;");
        transaction.Commit();

        void Execute(string sql)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        void Insert(string table, string column, List<(long Row, long Document)> pairs)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} ({column}, document_id) VALUES ($row, $document);";
            var row = command.Parameters.Add("$row", Microsoft.Data.Sqlite.SqliteType.Integer);
            var document = command.Parameters.Add("$document", Microsoft.Data.Sqlite.SqliteType.Integer);
            foreach (var pair in pairs)
            {
                (row.Value, document.Value) = (pair.Row, pair.Document);
                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>The two tables' CREATE statements as migrations 001–007 leave them.</summary>
    private static List<string> Version7Tables() => NodesBeforeStaging.CreateStatements(7, "edge_documents", "node_documents");
}
