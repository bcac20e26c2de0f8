using System.Globalization;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Where something is written: a finished location (an XML path, a JSON pointer), or a JSON pointer kept as
/// its parent and last step and joined only when a warning or rejection names it. A BOM has several
/// locations per component (its refs, hashes, licenses) and reports almost none of them, so building
/// every pointer string up front was a measurable share of the reader's allocations.
/// </summary>
internal readonly struct CdxLocation
{
    private readonly string _parent;
    private readonly string? _member;
    private readonly int _index;

    private CdxLocation(string parent, string? member, int index)
    {
        _parent = parent;
        _member = member;
        _index = index;
    }

    /// <summary><paramref name="parent"/>/<paramref name="name"/> for an object member.</summary>
    public static CdxLocation Member(string parent, string name) => new(parent, name, -1);

    /// <summary><paramref name="array"/>/<paramref name="index"/> for an array item.</summary>
    public static CdxLocation Item(string array, int index) => new(array, null, index);

    /// <summary>A member of this location: one level deeper (only one member step can be deferred).</summary>
    public CdxLocation Child(string name) => _member is null ? new(_parent, name, _index) : new(ToString(), name, -1);

    public static implicit operator CdxLocation(string location) => new(location, null, -1);

    public override string ToString()
    {
        var at = _index >= 0 ? _parent + "/" + _index.ToString(CultureInfo.InvariantCulture) : _parent;
        return _member is null ? at : JsonPointers.Child(at, _member);
    }
}
