namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>A bitset over row ids (dense: SQLite hands out ids from 1 upward), growing as ids arrive.</summary>
internal sealed class RowIdSet
{
    private ulong[] _words = new ulong[1024];

    public void Add(long id)
    {
        var word = (int)(id >> 6);
        if (word >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
        }

        _words[word] |= 1UL << (int)(id & 63);
    }

    /// <summary>Adds every id of a <see cref="RowIdList"/> blob.</summary>
    public void AddAll(ReadOnlySpan<byte> blob)
    {
        var cursor = new RowIdList.Cursor(blob);
        while (cursor.TryNext(out var id))
        {
            Add(id);
        }
    }

    public bool Contains(long id)
    {
        var word = id >> 6;
        return word < _words.Length && (_words[word] & (1UL << (int)(id & 63))) != 0;
    }
}
