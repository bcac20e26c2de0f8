using System.Text;
using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Inserts (row id, document id) pairs into one provenance index for a merge: many staged documents' pairs are
/// buffered, sorted by row id, and written by multi-row statements of 256, 64, 16, 4 or 1 pairs. In row order
/// each insert lands on or next to the previous one's leaf page, so the whole merge walks the B-tree once.
/// </summary>
internal sealed class PairWriter : IDisposable
{
    private static readonly int[] BatchSizes = [256, 64, 16, 4, 1];

    /// <summary>Pairs buffered before they are written: ~32 MB a writer; a merge of more writes in sorted runs of this many.</summary>
    internal const int DefaultFlushAt = 1 << 21;

    private readonly Statement[] _statements;
    private readonly int _flushAt;
    private long[] _rows = new long[4096];
    private long[] _documents = new long[4096];
    private int _count;

    public PairWriter(SqliteConnection connection, string table, string rowColumn, int flushAt = DefaultFlushAt)
    {
        _flushAt = flushAt;
        _statements = [.. BatchSizes.Select(size => Prepare(connection, table, rowColumn, size))];
    }

    /// <summary>Buffers every id of a document's <see cref="RowIdList"/> blob.</summary>
    public void Add(long documentId, ReadOnlySpan<byte> blob)
    {
        var cursor = new RowIdList.Cursor(blob);
        while (cursor.TryNext(out var id))
        {
            // One very large document (a 250 MB SBOM holds millions of ids) is written in sorted runs, not
            // buffered whole: the merge's memory stays bounded; each run still walks the B-tree in order.
            if (_count == _flushAt)
            {
                Flush(release: false);
            }

            if (_count == _rows.Length)
            {
                Array.Resize(ref _rows, _rows.Length * 2);
                Array.Resize(ref _documents, _documents.Length * 2);
            }

            _rows[_count] = id;
            _documents[_count++] = documentId;
        }
    }

    /// <summary>Drops anything buffered (left by a merge that failed before its flush).</summary>
    public void Clear() => _count = 0;

    /// <summary>Writes everything buffered, in row order, and empties the buffer (also when a statement fails).</summary>
    public void Flush() => Flush(release: true);

    private void Flush(bool release)
    {
        try
        {
            Array.Sort(_rows, _documents, 0, _count);
            var offset = 0;
            for (var i = 0; i < BatchSizes.Length; i++)
            {
                while (_count - offset >= BatchSizes[i])
                {
                    Write(_statements[i], offset);
                    offset += BatchSizes[i];
                }
            }
        }
        finally
        {
            _count = 0;
            if (release && _rows.Length >= _flushAt && _rows.Length > 4096)
            {
                // A merge of a very large document must not keep its buffers for the rest of the run.
                _rows = new long[4096];
                _documents = new long[4096];
            }
        }
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
        var size = statement.ParameterCount / 2;
        for (var i = 0; i < size; i++)
        {
            statement.Bind(2 * i, _rows[offset + i]).Bind((2 * i) + 1, _documents[offset + i]);
        }

        statement.Execute();
    }

    private static Statement Prepare(SqliteConnection connection, string table, string rowColumn, int size)
    {
        // ON CONFLICT DO NOTHING: merging a pair already in the index (never expected) changes nothing.
        var sql = new StringBuilder($"INSERT INTO {table} ({rowColumn}, document_id) VALUES ");
        var names = new string[2 * size];
        for (var i = 0; i < size; i++)
        {
            names[2 * i] = $"$r{i}";
            names[(2 * i) + 1] = $"$d{i}";
            sql.Append(i == 0 ? string.Empty : ", ").Append($"($r{i}, $d{i})");
        }

        sql.Append(" ON CONFLICT DO NOTHING;");
        return new Statement(connection, sql.ToString(), names);
    }
}
