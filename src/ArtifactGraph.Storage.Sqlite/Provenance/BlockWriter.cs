using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Writes one segment of a provenance index (<c>edge_document_blocks</c> or <c>node_document_blocks</c>): the pairs,
/// in key order, encoded as one <see cref="PostingBlock"/> row per block of row ids they touch. A merge of a
/// million pairs is then a few thousand inserts at the end of the table instead of a million inside it. Only one
/// block's encoding and one row's documents are held at a time.
/// </summary>
internal sealed class BlockWriter : IDisposable
{
    private readonly Statement _insert;
    private byte[] _postings = new byte[16 * 1024];
    private long[] _documents = new long[64];

    public BlockWriter(SqliteConnection connection, string table)
    {
        Table = table;
        _insert = new Statement(connection, $"INSERT INTO {table} (key, postings) VALUES ($key, $postings);", "$key", "$postings");
    }

    /// <summary>The index this writer writes (<see cref="PostingBlock.EdgeTable"/> or <see cref="PostingBlock.NodeTable"/>).</summary>
    public string Table { get; }

    /// <summary>Writes every pair of <paramref name="pairs"/> as blocks of <paramref name="segment"/>; returns how many pairs.</summary>
    public long Write(IPairSource pairs, long segment)
    {
        var written = 0L;
        var block = -1L;
        var length = 0;
        var previousRow = 0L;
        var row = -1L;
        var count = 0;
        while (pairs.TryNext(out var nextRow, out var document))
        {
            if (nextRow != row)
            {
                if (count > 0)
                {
                    AppendRow(ref length, ref previousRow, row, count);
                }

                if ((ulong)nextRow >= PostingBlock.RowLimit)
                {
                    throw new InvalidOperationException($"Row id {nextRow} is past what a provenance block can hold ({PostingBlock.RowLimit}).");
                }

                if (nextRow < row)
                {
                    throw new InvalidOperationException($"Provenance pairs out of order: row {nextRow} after {row}.");
                }

                if (PostingBlock.BlockOf(nextRow) != block)
                {
                    Flush(segment, block, length);
                    block = PostingBlock.BlockOf(nextRow);
                    (length, previousRow) = (0, PostingBlock.FirstRow(block));
                }

                (row, count) = (nextRow, 0);
            }

            if (count == _documents.Length)
            {
                Array.Resize(ref _documents, count * 2);
            }

            _documents[count++] = document;
            written++;
        }

        if (count > 0)
        {
            AppendRow(ref length, ref previousRow, row, count);
        }

        Flush(segment, block, length);
        return written;
    }

    public void Dispose() => _insert.Dispose();

    /// <summary>Appends a row and its documents (ascending) to the block being built.</summary>
    private void AppendRow(ref int length, ref long previousRow, long row, int count)
    {
        var needed = length + ((count + 2) * 10);
        if (needed > _postings.Length)
        {
            Array.Resize(ref _postings, Math.Max(needed, _postings.Length * 2));
        }

        RowIdList.WriteDelta(_postings, ref length, (ulong)(row - previousRow));
        RowIdList.WriteDelta(_postings, ref length, (ulong)count);
        var previous = 0L;
        for (var i = 0; i < count; i++)
        {
            RowIdList.WriteDelta(_postings, ref length, (ulong)(_documents[i] - previous));
            previous = _documents[i];
        }

        previousRow = row;
    }

    private void Flush(long segment, long block, int length)
    {
        if (length > 0)
        {
            _insert.Bind(0, PostingBlock.Key(segment, block)).BindBlob(1, _postings.AsSpan(0, length)).Execute();
        }
    }
}
