namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// Collects decompressed bytes in blocks and hands them back as one exact-size array. A MemoryStream
/// doubles its buffer (the old one is garbage only after the copy) and <c>ToArray</c> copies once more:
/// up to three times the document in memory at once, 750 MB for a 250 MB SBOM. Here the peak is the
/// blocks plus the final copy, or the document alone when <paramref name="sizeHint"/> was exact (gzip
/// records the expanded size): the first block is then the result itself.
/// </summary>
internal sealed class ExpansionBuffer(long sizeHint)
{
    private const int BlockSize = 1 << 20;

    private readonly List<byte[]> _blocks = [];
    private int _used;

    public long Length { get; private set; }

    /// <summary>Space to decompress into; never empty.</summary>
    public Span<byte> Free()
    {
        if (_blocks.Count == 0 || _used == _blocks[^1].Length)
        {
            var size = _blocks.Count == 0 && sizeHint > 0 ? (int)Math.Min(sizeHint, Array.MaxLength) : BlockSize;
            _blocks.Add(new byte[size]);
            _used = 0;
        }

        return _blocks[^1].AsSpan(_used);
    }

    public void Advance(int count)
    {
        _used += count;
        Length += count;
    }

    public byte[] ToArray()
    {
        // Drop a last block nothing was written to (the read that found the end of the stream).
        if (_used == 0 && _blocks.Count > 1)
        {
            _blocks.RemoveAt(_blocks.Count - 1);
        }

        if (_blocks.Count == 1 && _blocks[0].Length == Length)
        {
            return _blocks[0];
        }

        var result = new byte[Length];
        var offset = 0;
        foreach (var block in _blocks)
        {
            var length = (int)Math.Min(block.Length, Length - offset);
            block.AsSpan(0, length).CopyTo(result.AsSpan(offset));
            offset += length;
        }

        return result;
    }
}
