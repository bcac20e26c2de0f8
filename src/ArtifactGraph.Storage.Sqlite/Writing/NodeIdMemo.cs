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
/// 16,384 slots (384 KiB, cleared per document): a tier M SBOM has ~3,000 nodes (versions, packages,
/// digests, licenses), and at 4,096 slots collisions had pushed out so many that half of the edge ends missed.
/// </summary>
internal sealed class NodeIdMemo
{
    private const int Slots = 1 << SlotBits;

    private readonly (string? Key, NodeKind Kind, long Id)[] _slots = new (string?, NodeKind, long)[Slots];

    public void Set(NodeRef node, long id) => _slots[Slot(node.Key)] = (node.Key, node.Kind, id);

    public bool TryGet(NodeRef node, out long id)
    {
        ref readonly var slot = ref _slots[Slot(node.Key)];
        if (ReferenceEquals(slot.Key, node.Key) && slot.Kind == node.Kind)
        {
            id = slot.Id;
            return true;
        }

        id = 0;
        return false;
    }

    /// <summary>Forgets every id (a new chunk, or a rolled-back transaction), and the strings with them.</summary>
    public void Clear() => Array.Clear(_slots);

    // Fibonacci hashing of the address: strings allocated one after another are a few dozen bytes apart.
    private static int Slot(string key) => (int)((ulong)Unsafe.As<string, nint>(ref key) * 0x9E3779B97F4A7C15UL >> (64 - SlotBits));

    private const int SlotBits = 14;
}
