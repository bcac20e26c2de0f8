using System.Text;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// Inserts one table's provenance rows (row id, document id) for the current document, many rows per
/// statement: a row buffered here is written by a multi-row <c>INSERT … VALUES</c> of 256, 64, 16, 4 or 1
/// rows, so a 1,000-component SBOM's ~9,000 provenance rows cost ~40 statement executions instead of 9,000
/// (each one a bind, step, reset and changes call across P/Invoke and a VDBE start). The document id is
/// bound once per document. Rows are buffered for the chunk and written, sorted by row id, by
/// <see cref="Flush"/>, which the writer calls before each chunk ends, so everything buffered lands inside
/// the document's transaction (sorted: ~15% less commit CPU on tier S, docs/BENCHMARKS.md).
/// </summary>
internal sealed class ProvenanceWriter : IDisposable
{
    private static readonly int[] BatchSizes = [256, 64, 16, 4, 1];

    private readonly Statement[] _statements;
    private long[] _pending = new long[BatchSizes[0]];
    private int _count;

    public ProvenanceWriter(SqliteConnection connection, string table, string rowColumn)
    {
        _statements = [.. BatchSizes.Select(size => Prepare(connection, table, rowColumn, size))];
    }

    /// <summary>Starts a document: forgets anything buffered (a rolled-back document's rows) and binds its id.</summary>
    public void StartDocument(long documentId)
    {
        _count = 0;
        foreach (var statement in _statements)
        {
            statement.Bind(0, documentId);
        }
    }

    public void Add(long rowId)
    {
        if (_count == _pending.Length)
        {
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        _pending[_count++] = rowId;
    }

    /// <summary>Writes every buffered row with as few statements as the batch sizes allow.</summary>
    public void Flush()
    {
        // In id order, consecutive rows land next to each other in the (row id, document id) B-tree.
        Array.Sort(_pending, 0, _count);
        var offset = 0;
        for (var i = 0; i < BatchSizes.Length; i++)
        {
            while (_count - offset >= BatchSizes[i])
            {
                Write(_statements[i], offset);
                offset += BatchSizes[i];
            }
        }

        _count = 0;
    }

    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }
    }

    private void Write(Statement statement, int offset)
    {
        var size = statement.ParameterCount - 1;
        for (var i = 0; i < size; i++)
        {
            statement.Bind(i + 1, _pending[offset + i]);
        }

        statement.Execute();
    }

    private static Statement Prepare(SqliteConnection connection, string table, string rowColumn, int size)
    {
        // ON CONFLICT DO NOTHING: a row repeated in a later chunk of the same document is already recorded.
        var sql = new StringBuilder($"INSERT INTO {table} ({rowColumn}, document_id) VALUES ");
        var names = new string[size + 1];
        names[0] = "$document_id";
        for (var i = 0; i < size; i++)
        {
            names[i + 1] = $"$r{i}";
            sql.Append(i == 0 ? string.Empty : ", ").Append($"($r{i}, $document_id)");
        }

        sql.Append(" ON CONFLICT DO NOTHING;");
        return new Statement(connection, sql.ToString(), names);
    }
}
