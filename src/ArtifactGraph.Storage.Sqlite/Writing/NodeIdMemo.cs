using System.Runtime.CompilerServices;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// The ids of the current chunk's nodes by their key string's identity: an edge's end is nearly always the very
/// string its node record carries (the batch builder hands out one <see cref="NodeRef"/> per node), so it is found
/// without hashing the key's characters (an XxHash128 of ~100 bytes) or probing the chunk's id map. Direct-mapped
/// on the string's address: a collision only overwrites, and a miss falls back to the hashed lookup. The address is
/// only a slot number, never followed, and a string the collector moves is a miss until it is remembered again (at
/// most once per collection during a document). <c>RuntimeHelpers.GetHashCode</c>, a call into the runtime that
/// also stamps the object's header, was ~4% of the committing thread.
/// <para>
/// 65,536 slots (1.5 MiB): a tier M SBOM has ~3,000 nodes, and at 16,384 slots 18% of edge ends missed, most of them
/// pushed out by a collision. <see cref="Clear"/> starts a new generation instead of wiping the table (wiping 384 KiB
/// per document was most of the memo's cost); a stale entry keeps its string alive until it is overwritten.
/// </para>
/// </summary>
internal sealed class NodeIdMemo
{
    private const int SlotBits = 16;
    private const int Slots = 1 << SlotBits;

    private readonly Entry[] _slots = new Entry[Slots];
    private int _generation = 1;

    public void Set(NodeRef node, long id) => _slots[Slot(node.Key)] = new Entry(node.Key, id, _generation, node.Kind);

    public bool TryGet(NodeRef node, out long id)
    {
        ref readonly var slot = ref _slots[Slot(node.Key)];
        if (slot.Generation == _generation && ReferenceEquals(slot.Key, node.Key) && slot.Kind == node.Kind)
        {
            id = slot.Id;
            return true;
        }

        id = 0;
        return false;
    }

    /// <summary>Forgets every id (a new chunk, or a rolled-back transaction).</summary>
    public void Clear()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_slots);
            _generation = 1;
        }
    }

    // Fibonacci hashing of the address: strings allocated one after another are a few dozen bytes apart.
    private static int Slot(string key) => (int)((ulong)Unsafe.As<string, nint>(ref key) * 0x9E3779B97F4A7C15UL >> (64 - SlotBits));

    private readonly record struct Entry(string? Key, long Id, int Generation, NodeKind Kind);
}
