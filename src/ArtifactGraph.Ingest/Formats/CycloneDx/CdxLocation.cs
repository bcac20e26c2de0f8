using System.Globalization;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Where something is written: a finished location (an XML path, a JSON pointer), or a JSON pointer kept in
/// parts (<c>parent/member/index/member</c>) and joined only when a warning or rejection names it. A BOM has
/// several locations per component (its refs, hashes, licenses) and reports almost none of them, so building
/// every pointer string up front was a measurable share of the reader's allocations.
/// </summary>
internal readonly struct CdxLocation
{
    private readonly string _parent;
    private readonly string? _member;
    private readonly int _index;
    private readonly string? _last;
    private readonly int _lastIndex;

    private CdxLocation(string parent, string? member, int index, string? last, int lastIndex = -1)
    {
        _parent = parent;
        _member = member;
        _index = index;
        _last = last;
        _lastIndex = lastIndex;
    }

    /// <summary><paramref name="parent"/>/<paramref name="name"/> for an object member.</summary>
    public static CdxLocation Member(string parent, string name) => new(parent, name, -1, null);

    /// <summary><paramref name="array"/>/<paramref name="index"/> for an array item.</summary>
    public static CdxLocation Item(string array, int index) => new(array, null, index, null);

    /// <summary><paramref name="parent"/>/<paramref name="name"/>/<paramref name="index"/>: an item of a member array.</summary>
    public static CdxLocation Item(string parent, string name, int index) => new(parent, name, index, null);

    public static implicit operator CdxLocation(string location) => new(location, null, -1, null);

    /// <summary>A member of this location: one level deeper.</summary>
    public CdxLocation Child(string name) => _last is null ? new(_parent, _member, _index, name) : new(ToString(), null, -1, name);

    /// <summary>Item <paramref name="index"/> of this location's member array <paramref name="name"/> (e.g. <c>/dependencies/3/dependsOn/1</c>).</summary>
    public CdxLocation ChildItem(string name, int index) =>
        _last is null ? new(_parent, _member, _index, name, index) : new(ToString(), name, index, null);

    public override string ToString()
    {
        var at = _member is null ? _parent : JsonPointers.Child(_parent, _member);
        at = _index >= 0 ? at + "/" + _index.ToString(CultureInfo.InvariantCulture) : at;
        at = _last is null ? at : JsonPointers.Child(at, _last);
        return _lastIndex >= 0 ? at + "/" + _lastIndex.ToString(CultureInfo.InvariantCulture) : at;
    }
}
