namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// The merged provenance of a block of 256 consecutive row ids within one segment (one merge), as one blob:
/// for each row of the block the segment holds, in row order, the row's delta from the previous row (the first
/// from the block's first id), how many documents assert it, and those documents ascending, each as its delta
/// from the previous (the first from 0). All numbers are unsigned LEB128 varints (<see cref="RowIdList"/>).
/// </summary>
internal static class PostingBlock
{
    /// <summary>
    /// Row ids per block: 2^8. Small enough that a block whose rows every document asserts (the nodes of the most
    /// popular packages, merged with thousands of documents) stays a blob of a few hundred KB to decode; large
    /// enough that a block of ordinary rows is one row of about a kilobyte.
    /// </summary>
    public const int BlockBits = 8;

    /// <summary>The block index of edges (migration 008).</summary>
    public const string EdgeTable = "edge_document_blocks";

    /// <summary>The block index of nodes.</summary>
    public const string NodeTable = "node_document_blocks";

    /// <summary>Bits of the key below the segment: blocks of row ids below 2^46.</summary>
    private const int SegmentShift = 38;

    /// <summary>The first row id no block can hold.</summary>
    public const long RowLimit = 1L << (SegmentShift + BlockBits);

    public static long BlockOf(long row) => row >> BlockBits;

    /// <summary>The first row id of <paramref name="block"/>, which its first row's delta counts from.</summary>
    public static long FirstRow(long block) => block << BlockBits;

    /// <summary>The table key of <paramref name="block"/> in <paramref name="segment"/>: segment first, so a merge's rows append.</summary>
    public static long Key(long segment, long block) => (segment << SegmentShift) | block;

    /// <summary>The block a table key names (the key without its segment).</summary>
    public static long BlockOfKey(long key) => key & ((1L << SegmentShift) - 1);

    /// <summary>The first key of <paramref name="segment"/>: its blocks' keys are in [FirstKey(s), FirstKey(s + 1)).</summary>
    public static long FirstKey(long segment) => segment << SegmentShift;

    /// <summary>The SQL expression of <see cref="Key"/> for a segment id column and a block parameter.</summary>
    public static string KeySql(string segment, string block) => $"(({segment} << {SegmentShift}) | {block})";

    /// <summary>Appends to <paramref name="into"/> the documents the block's <paramref name="postings"/> list for <paramref name="row"/>.</summary>
    public static void DocumentsOf(byte[] postings, long row, List<long> into)
    {
        var reader = new Reader(postings, BlockOf(row));
        while (reader.TryNextRow(out var current, out var count))
        {
            if (current > row)
            {
                return;
            }

            for (var i = 0; i < count; i++)
            {
                var document = reader.NextDocument();
                if (current == row)
                {
                    into.Add(document);
                }
            }
        }
    }

    /// <summary>Reads a block's rows, and each row's documents before the next row.</summary>
    public struct Reader(byte[] postings, long block)
    {
        private int _position;
        private long _row = FirstRow(block);
        private long _document;

        /// <summary>The next row and how many documents follow it; false at the end of the block.</summary>
        public bool TryNextRow(out long row, out int count)
        {
            if (!RowIdList.TryRead(postings, ref _position, ref _row))
            {
                row = count = 0;
                return false;
            }

            long documents = 0;
            if (!RowIdList.TryRead(postings, ref _position, ref documents) || documents <= 0)
            {
                throw new InvalidDataException($"A provenance block ends or is empty at row {_row}.");
            }

            (row, count, _document) = (_row, (int)documents, 0);
            return true;
        }

        /// <summary>The current row's next document (call it as many times as <see cref="TryNextRow"/>'s count said).</summary>
        public long NextDocument() => RowIdList.TryRead(postings, ref _position, ref _document)
            ? _document
            : throw new InvalidDataException($"A provenance block ends inside row {_row}'s documents.");
    }
}
