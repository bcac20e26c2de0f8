using System.Numerics;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// The mapper's memory of a BOM's components: per component its node, bom-ref, DEPENDS_ON scope and whether it
/// is listed at top level, in mapping order, plus bom-ref → component through an open-addressing table of
/// indexes (4 bytes a slot). A bom-ref equal to the node key (tools write the purl as the bom-ref) is stored as
/// that same string. About 40 bytes a component, where a <c>Dictionary&lt;string, CdxTarget&gt;</c> beside a
/// component list took ~110 (≈45 MB for the 468k components of the 250 MB document).
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

    /// <summary>By the ref's characters, so a dependency ref needs no string of its own.</summary>
    public bool TryGetValue(ReadOnlySpan<char> bomRef, out CdxTarget target)
    {
        var index = Find(bomRef);
        target = index >= 0 ? new CdxTarget(_entries[index].Node, ScopeName(_entries[index].Scope)) : default;
        return index >= 0;
    }

    /// <summary>Adds a component; false (nothing added) when its bom-ref is already taken.</summary>
    public bool TryAdd(NodeRef node, string? bomRef, string scope, bool isSubject, bool isTop)
    {
        if (bomRef is not null)
        {
            if (Find(bomRef) >= 0)
            {
                return false;
            }

            if ((_refs + 1) * 2 > _slots.Length)
            {
                Grow();
            }

            Place(Hash(bomRef), _entries.Count);
            _refs++;
        }

        // Share the node key's string rather than hold a second copy of every ref for the whole document.
        var role = isSubject ? Role.Subject : isTop ? Role.Top : Role.Nested;
        _entries.Add(new Entry(node, bomRef == node.Key ? node.Key : bomRef, ScopeOf(scope), role));
        return true;
    }

    // Randomised per process (Marvin), so a crafted document cannot force collisions; the same value for a
    // string and for its characters as a span.
    private static int Hash(ReadOnlySpan<char> bomRef) => string.GetHashCode(bomRef, StringComparison.Ordinal);

    private int Find(ReadOnlySpan<char> bomRef)
    {
        var mask = _slots.Length - 1;
        for (var slot = Hash(bomRef) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            var index = _slots[slot] - 1;
            if (bomRef.SequenceEqual(_entries[index].BomRef))
            {
                return index;
            }
        }

        return -1;
    }

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
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].BomRef is { } bomRef)
            {
                Place(Hash(bomRef), i);
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

    private readonly record struct Entry(NodeRef Node, string? BomRef, byte Scope, Role Role);
}
