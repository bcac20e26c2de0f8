namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// The (row id, document id) pairs of several staged documents, in (row, document) order: the order the
/// provenance blocks are written in (<see cref="BlockWriter"/>). Each document's list is already sorted, so this
/// merges them through a min-heap of one cursor per document instead of buffering and sorting every pair: memory is
/// the lists themselves (about a byte per id, as stored) and the work is log2(documents) comparisons a pair. A lone document (a very large
/// SBOM merges alone) is read straight through: no heap, no comparison.
/// </summary>
internal sealed class SortedPairs : IPairSource
{
    private readonly Source[] _heap;
    private int _count;

    public SortedPairs(IReadOnlyList<StagedList> lists)
    {
        _heap = new Source[lists.Count];
        foreach (var list in lists)
        {
            var source = new Source { Ids = list.Ids, DocumentId = list.DocumentId };
            if (RowIdList.TryRead(source.Ids, ref source.Position, ref source.Id))
            {
                _heap[_count++] = source;
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
        rowId = top.Id;
        documentId = top.DocumentId;
        if (!RowIdList.TryRead(top.Ids, ref top.Position, ref top.Id))
        {
            _heap[0] = _heap[--_count];
            _heap[_count] = default;
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
    private static bool Before(in Source a, in Source b) => a.Id < b.Id || (a.Id == b.Id && a.DocumentId < b.DocumentId);

    /// <summary>One document's list, read up to <see cref="Id"/> (its current, not yet returned, id).</summary>
    private struct Source
    {
        public byte[] Ids;
        public int Position;
        public long Id;
        public long DocumentId;
    }
}
