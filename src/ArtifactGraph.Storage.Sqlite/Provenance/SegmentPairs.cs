using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// The pairs of several segments of one block index, in (row, document) order, read block by block from each (one
/// block per segment held at a time): what <see cref="SegmentCompaction"/> moves into the joined segment, a slice of
/// blocks at a time. A document is in one segment only, so no pair repeats.
/// </summary>
internal sealed class SegmentPairs : IPairSource, IDisposable
{
    private readonly Cursor[] _cursors;
    private readonly long _maxPairs;
    private long _taken;
    private long _block = -1;

    /// <summary>
    /// The pairs of <paramref name="segments"/> from block <paramref name="fromBlock"/> on, ending at the first block
    /// boundary after <paramref name="maxPairs"/> pairs (<see cref="EndBlock"/> says where).
    /// </summary>
    public SegmentPairs(SqliteConnection connection, SqliteTransaction transaction, string table, IEnumerable<long> segments, long fromBlock, long maxPairs)
    {
        _maxPairs = maxPairs;
        _cursors = [.. segments.Select(s => new Cursor(connection, transaction, table, PostingBlock.Key(s, fromBlock), PostingBlock.FirstKey(s + 1)))];
    }

    /// <summary>Once the pairs are taken: the first block not taken from (null when every block was).</summary>
    public long? EndBlock { get; private set; }

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

        var block = next is null ? -1 : PostingBlock.BlockOf(next.Row);
        if (next is null || (_taken >= _maxPairs && block != _block))
        {
            // A block is taken whole: the rest of its pairs are in the other segments' same block.
            EndBlock = next is null ? null : block;
            rowId = documentId = 0;
            return false;
        }

        (rowId, documentId, _block) = (next.Row, next.Document, block);
        _taken++;
        next.Taken++;
        next.Advance();
        return true;
    }

    /// <summary>How many pairs have been taken from each segment, in the order they were given.</summary>
    public IEnumerable<long> Taken => _cursors.Select(c => c.Taken);

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

        public Cursor(SqliteConnection connection, SqliteTransaction transaction, string table, long fromKey, long toKey)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"SELECT key, postings FROM {table} WHERE key >= $from AND key < $to ORDER BY key;";
            _command.Parameters.AddWithValue("$from", fromKey);
            _command.Parameters.AddWithValue("$to", toKey);
            _reader = _command.ExecuteReader();
            Advance();
        }

        public bool HasPair { get; private set; }

        public long Row { get; private set; }

        public long Document { get; private set; }

        public long Taken { get; set; }

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
