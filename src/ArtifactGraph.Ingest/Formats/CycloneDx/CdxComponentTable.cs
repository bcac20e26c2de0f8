using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// The mapper's memory of a BOM's components: per component its node (and the builder's number for it), bom-ref,
/// DEPENDS_ON scope and whether it is listed at top level, in mapping order, plus bom-ref → component through an
/// open-addressing table of indexes (4 bytes a slot). A bom-ref equal to the node key (tools write the purl as the
/// bom-ref) is stored as that same string. About 40 bytes a component, where a <c>Dictionary&lt;string, CdxTarget&gt;</c>
/// beside a component list took ~110 (≈45 MB for the 468k components of the 250 MB document).
/// <para>
/// Refs are found by their UTF-8 bytes, as the JSON reader has them: a dependency ref needs no characters of its own
/// (transcoding each of ~3 refs a component, then hashing twice as many bytes, was ~5% of reading an SBOM).
/// </para>
/// </summary>
internal sealed class CdxComponentTable
{
    private readonly List<Entry> _entries = [];
    private int[] _slots = new int[64]; // entry index + 1; 0 is empty
    private int _refs;

    /// <summary>Components mapped, the subject included.</summary>
    public int Count => _entries.Count;

    public NodeRef Node(int index) => _entries[index].Node;

    public void EnsureCapacity(int components)
    {
        _entries.EnsureCapacity(components);
        if (components * 2 > _slots.Length)
        {
            _slots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)components * 2)];
            Rehash();
        }
    }

    public string? BomRef(int index) => _entries[index].BomRef;

    /// <summary>Listed at top level (not nested, not the subject).</summary>
    public bool IsTop(int index) => _entries[index].Role == Role.Top;

    /// <summary>A component of the BOM's component lists (not the metadata subject).</summary>
    public bool IsListed(int index) => _entries[index].Role != Role.Subject;

    public bool Contains(string bomRef) => Find(bomRef) >= 0;

    /// <summary>By the ref's characters (the XML reader, VEX refs).</summary>
    public bool TryGetValue(ReadOnlySpan<char> bomRef, out CdxTarget target) => TryTarget(Find(bomRef), out target);

    /// <summary>By the ref's UTF-8 bytes (the JSON reader's dependency refs).</summary>
    public bool TryGetValue(ReadOnlySpan<byte> bomRef, out CdxTarget target) => TryTarget(Find(bomRef), out target);

    /// <summary>Adds a component (<paramref name="nodeId"/>: the builder's number for its node); false (nothing added) when its bom-ref is already taken.</summary>
    public bool TryAdd(NodeRef node, int nodeId, string? bomRef, string scope, bool isSubject, bool isTop)
    {
        if (bomRef is not null)
        {
            using var utf8 = new Utf8Text(bomRef, stackalloc byte[StackBytes]);
            if (Find(utf8.Bytes) >= 0)
            {
                return false;
            }

            if ((_refs + 1) * 2 > _slots.Length)
            {
                Grow();
            }

            Place(Hash(utf8.Bytes), _entries.Count);
            _refs++;
        }

        // Share the node key's string rather than hold a second copy of every ref for the whole document.
        var role = isSubject ? Role.Subject : isTop ? Role.Top : Role.Nested;
        _entries.Add(new Entry(node, nodeId, bomRef == node.Key ? node.Key : bomRef, ScopeOf(scope), role, bomRef is null || Ascii.IsValid(bomRef)));
        return true;
    }

    private bool TryTarget(int index, out CdxTarget target)
    {
        target = index >= 0 ? new CdxTarget(_entries[index].Node, _entries[index].NodeId, ScopeName(_entries[index].Scope)) : default;
        return index >= 0;
    }

    /// <summary>
    /// Marvin (randomised per process, so a crafted document cannot force collisions) over the UTF-8 bytes taken two at
    /// a time: half the units of hashing the characters.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = string.GetHashCode(MemoryMarshal.Cast<byte, char>(utf8));
        return (utf8.Length & 1) == 0 ? hash : HashCode.Combine(hash, utf8[^1]);
    }

    private int Find(ReadOnlySpan<char> bomRef)
    {
        using var utf8 = new Utf8Text(bomRef, stackalloc byte[StackBytes]);
        return Find(utf8.Bytes);
    }

    private int Find(ReadOnlySpan<byte> utf8)
    {
        var mask = _slots.Length - 1;
        for (var slot = Hash(utf8) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var index = _slots[slot] - 1;
            var entry = _entries[index];

            // An ASCII ref equals the bytes exactly when they are the same ASCII; another one is compared as UTF-8.
            if (entry.Ascii ? Ascii.Equals(utf8, entry.BomRef) : SameUtf8(utf8, entry.BomRef))
            {
                return index;
            }
        }

        return -1;
    }

    private static bool SameUtf8(ReadOnlySpan<byte> utf8, string? text)
    {
        using var encoded = new Utf8Text(text, stackalloc byte[StackBytes]);
        return utf8.SequenceEqual(encoded.Bytes);
    }

    // Refs up to this many UTF-8 bytes are encoded on the stack (purls are a few dozen), longer ones in a pooled array.
    private const int StackBytes = 256;

    private void Place(int hash, int index)
    {
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = index + 1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        Rehash();
    }

    private void Rehash()
    {
        Span<byte> stack = stackalloc byte[StackBytes];
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].BomRef is { } bomRef)
            {
                using var utf8 = new Utf8Text(bomRef, stack);
                Place(Hash(utf8.Bytes), i);
            }
        }
    }

    private static byte ScopeOf(string scope) => scope switch
    {
        "optional" => 1,
        "excluded" => 2,
        _ => 0,
    };

    private static string ScopeName(byte scope) => scope switch
    {
        1 => "optional",
        2 => "excluded",
        _ => "runtime",
    };

    private enum Role : byte
    {
        Top,
        Nested,
        Subject,
    }

    /// <summary>Text as UTF-8: in the stack buffer given, or when longer in a pooled array given back by <see cref="Dispose"/>.</summary>
    private readonly ref struct Utf8Text
    {
        private readonly byte[]? _rented;

        public Utf8Text(ReadOnlySpan<char> text, Span<byte> stack)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            var buffer = length <= stack.Length ? stack : (_rented = ArrayPool<byte>.Shared.Rent(length));
            Bytes = buffer[..Encoding.UTF8.GetBytes(text, buffer)];
        }

        public ReadOnlySpan<byte> Bytes { get; }

        public void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<byte>.Shared.Return(_rented);
            }
        }
    }

    private readonly record struct Entry(NodeRef Node, int NodeId, string? BomRef, byte Scope, Role Role, bool Ascii);
}
