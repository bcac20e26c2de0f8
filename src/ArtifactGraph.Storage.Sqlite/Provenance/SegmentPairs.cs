using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// The pairs of several segments of one block index, in (row, document) order, read block by block from each (one
/// block per segment held at a time): what <see cref="SegmentCompaction"/> writes again as one segment. A document is
/// in one segment only, so no pair repeats.
/// </summary>
internal sealed class SegmentPairs : IPairSource, IDisposable
{
    private readonly Cursor[] _cursors;

    public SegmentPairs(SqliteConnection connection, SqliteTransaction transaction, string table, IEnumerable<long> segments)
    {
        _cursors = [.. segments.Select(s => new Cursor(connection, transaction, table, s))];
    }

    public bool TryNext(out long rowId, out long documentId)
    {
        // A handful of segments: the smallest current pair by a linear look beats a heap.
        Cursor? next = null;
        foreach (var cursor in _cursors)
        {
            if (cursor.HasPair && (next is null || cursor.Row < next.Row || (cursor.Row == next.Row && cursor.Document < next.Document)))
            {
                next = cursor;
            }
        }

        if (next is null)
        {
            rowId = documentId = 0;
            return false;
        }

        (rowId, documentId) = (next.Row, next.Document);
        next.Advance();
        return true;
    }

    public void Dispose()
    {
        foreach (var cursor in _cursors)
        {
            cursor.Dispose();
        }
    }

    /// <summary>One segment's pairs: its blocks in key order, each block's rows, each row's documents.</summary>
    private sealed class Cursor : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteDataReader _reader;
        private PostingBlock.Reader _block;
        private int _left;

        public Cursor(SqliteConnection connection, SqliteTransaction transaction, string table, long segment)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"SELECT key, postings FROM {table} WHERE key >= $from AND key < $to ORDER BY key;";
            _command.Parameters.AddWithValue("$from", PostingBlock.FirstKey(segment));
            _command.Parameters.AddWithValue("$to", PostingBlock.FirstKey(segment + 1));
            _reader = _command.ExecuteReader();
            Advance();
        }

        public bool HasPair { get; private set; }

        public long Row { get; private set; }

        public long Document { get; private set; }

        public void Advance()
        {
            while (_left == 0)
            {
                if (_block.TryNextRow(out var row, out var count))
                {
                    (Row, _left) = (row, count);
                }
                else if (_reader.Read())
                {
                    _block = new PostingBlock.Reader(_reader.GetFieldValue<byte[]>(1), PostingBlock.BlockOfKey(_reader.GetInt64(0)));
                }
                else
                {
                    HasPair = false;
                    return;
                }
            }

            Document = _block.NextDocument();
            _left--;
            HasPair = true;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _command.Dispose();
        }
    }
}
