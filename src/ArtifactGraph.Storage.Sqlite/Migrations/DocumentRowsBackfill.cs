using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Migrations;

/// <summary>
/// Migration 005's code step: writes a <c>document_rows</c> row for every document stored before it, from the
/// per-(row, document) tables, which stay as the merged index (until 008 turns them into blocks). One pass over
/// each table in document order, so only one document's ids are held at a time.
/// </summary>
internal static class DocumentRowsBackfill
{
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var rows = new DocumentRowsWriter(connection);
        using var documents = new PairStream(connection, transaction, "SELECT id, 0 FROM documents ORDER BY id;");
        using var edges = new PairStream(connection, transaction, "SELECT document_id, edge_id FROM edge_documents ORDER BY document_id, edge_id;");
        using var nodes = new PairStream(connection, transaction, "SELECT document_id, node_id FROM node_documents ORDER BY document_id, node_id;");
        while (documents.TryNext(out var documentId, out _))
        {
            rows.StartDocument();
            edges.Take(documentId, rows.AddEdge);
            nodes.Take(documentId, rows.AddNode);
            rows.Write(documentId);
        }
    }
}
