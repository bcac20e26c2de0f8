namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// The (row id, document id) pairs of several staged documents, in (row, document) order: the order the
/// provenance blocks are written in (<see cref="BlockWriter"/>). Each document's list is already sorted, so this
/// merges them through a min-heap of one cursor per document instead of buffering and sorting every pair: memory is
/// the lists themselves (about a byte per id, as stored) and the work is log2(documents) comparisons a pair. A lone document (a very large
/// SBOM merges alone) is read straight through: no heap, no comparison.
/// <para>
/// The heap holds only each cursor's current id and the cursor's place in document order (16 bytes an entry); the
/// cursors themselves are touched once a pair, at the top. With 32-byte entries the sift was ~5% of the committing
/// thread in a tier M bulk load, whose last merges join some 7,000 documents' lists.
/// </para>
/// </summary>
internal sealed class SortedPairs : IPairSource
{
    private readonly Entry[] _heap;
    private readonly Cursor[] _cursors;
    private int _count;

    public SortedPairs(IReadOnlyList<StagedList> lists)
    {
        // In document order, so a cursor's place breaks ties between documents listing the same row.
        _cursors = [.. lists.OrderBy(l => l.DocumentId).Select(l => new Cursor { Ids = l.Ids, DocumentId = l.DocumentId })];
        _heap = new Entry[_cursors.Length];
        for (var i = 0; i < _cursors.Length; i++)
        {
            ref var cursor = ref _cursors[i];
            var id = 0L;
            if (RowIdList.TryRead(cursor.Ids, ref cursor.Position, ref id))
            {
                _heap[_count++] = new Entry(id, i);
            }
        }

        for (var i = (_count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    /// <summary>The next pair, or false once every list is exhausted.</summary>
    public bool TryNext(out long rowId, out long documentId)
    {
        if (_count == 0)
        {
            rowId = documentId = 0;
            return false;
        }

        ref var top = ref _heap[0];
        ref var cursor = ref _cursors[top.Cursor];
        rowId = top.Id;
        documentId = cursor.DocumentId;
        if (!RowIdList.TryRead(cursor.Ids, ref cursor.Position, ref top.Id))
        {
            _heap[0] = _heap[--_count];
        }

        if (_count > 1)
        {
            SiftDown(0);
        }

        return true;
    }

    private void SiftDown(int index)
    {
        var moving = _heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], moving))
            {
                break;
            }

            _heap[index] = _heap[child];
            index = child;
        }

        _heap[index] = moving;
    }

    /// <summary>Row first, then document: two documents asserting one row give two pairs in document order.</summary>
    private static bool Before(in Entry a, in Entry b) => a.Id < b.Id || (a.Id == b.Id && a.Cursor < b.Cursor);

    /// <summary>A cursor's current (not yet returned) id, and which cursor.</summary>
    private struct Entry(long id, int cursor)
    {
        public long Id = id;
        public readonly int Cursor = cursor;
    }

    /// <summary>One document's list, read up to its entry's id.</summary>
    private struct Cursor
    {
        public byte[] Ids;
        public int Position;
        public long DocumentId;
    }
}
