using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Indexing;

/// <summary>The hash of a (kind, UTF-8 key) pair; replaceable so tests can force collisions.</summary>
internal delegate uint KeyHash(NodeKind kind, ReadOnlySpan<byte> utf8);

/// <summary>
/// (kind, key) → node over the key arena: open addressing with linear probing in one int[] (node + 1,
/// 0 = empty), at most 3/4 full. About 5–11 bytes a node instead of a dictionary entry plus a string.
/// </summary>
internal sealed class KeyLookup
{
    private const int StackLimit = 512;

    private readonly int[] _buckets;
    private readonly int _mask;
    private readonly Utf8Arena _keys;
    private readonly NodeKind[] _kinds;
    private readonly KeyHash _hash;

    public KeyLookup(Utf8Arena keys, NodeKind[] kinds, KeyHash? hash = null)
    {
        _keys = keys;
        _kinds = kinds;
        _hash = hash ?? Hash;
        var capacity = (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(keys.Count + (keys.Count / 3) + 1)));
        _buckets = new int[capacity];
        _mask = capacity - 1;
        for (var node = 0; node < keys.Count; node++)
        {
            var slot = (int)(_hash(kinds[node], keys[node]) & (uint)_mask);
            while (_buckets[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _buckets[slot] = node + 1;
        }
    }

    public long Bytes => _buckets.LongLength * 4;

    public bool TryFind(NodeKind kind, string key, out int node)
    {
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(key, buffer);
            return TryFind(kind, buffer[..length], out node);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public bool TryFind(NodeKind kind, ReadOnlySpan<byte> utf8, out int node)
    {
        var slot = (int)(_hash(kind, utf8) & (uint)_mask);
        while (_buckets[slot] is var entry and not 0)
        {
            var candidate = entry - 1;
            if (_kinds[candidate] == kind && _keys[candidate].SequenceEqual(utf8))
            {
                node = candidate;
                return true;
            }

            slot = (slot + 1) & _mask;
        }

        node = -1;
        return false;
    }

    /// <summary>A 64-bit multiply-xorshift over 8-byte words, folded to 32 bits; deterministic across runs.</summary>
    public static uint Hash(NodeKind kind, ReadOnlySpan<byte> utf8)
    {
        const ulong Prime = 0x9E3779B97F4A7C15;
        var h = ((ulong)kind + 1) * Prime ^ (ulong)utf8.Length;
        while (utf8.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * Prime;
            h ^= h >> 29;
            utf8 = utf8[8..];
        }

        ulong last = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            last |= (ulong)utf8[i] << (8 * i);
        }

        h = (h ^ last) * Prime;
        h ^= h >> 32;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        return (uint)h;
    }
}
