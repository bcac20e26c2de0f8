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
        while (documents.TryRead(out var documentId, out _))
        {
            rows.StartDocument();
            edges.Take(documentId, rows.AddEdge);
            nodes.Take(documentId, rows.AddNode);
            rows.Write(documentId);
        }
    }

    /// <summary>(document id, row id) pairs in document order, read one ahead.</summary>
    private sealed class PairStream : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteDataReader _reader;
        private bool _has;

        public PairStream(SqliteConnection connection, SqliteTransaction transaction, string sql)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = sql;
            _reader = _command.ExecuteReader();
            _has = _reader.Read();
        }

        public bool TryRead(out long documentId, out long rowId)
        {
            (documentId, rowId) = _has ? (_reader.GetInt64(0), _reader.GetInt64(1)) : (0, 0);
            var had = _has;
            _has = _has && _reader.Read();
            return had;
        }

        /// <summary>Hands every row of <paramref name="documentId"/> to <paramref name="add"/> (and skips earlier documents' rows).</summary>
        public void Take(long documentId, Action<long> add)
        {
            while (_has && _reader.GetInt64(0) <= documentId)
            {
                if (_reader.GetInt64(0) == documentId)
                {
                    add(_reader.GetInt64(1));
                }

                _has = _reader.Read();
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _command.Dispose();
        }
    }
}
