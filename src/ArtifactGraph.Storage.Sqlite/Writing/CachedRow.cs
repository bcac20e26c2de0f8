namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// What the writer knows about a committed row: its id, the property keys it holds, whether it has a name.
/// 16 bytes (the flag rides in the id's low bit): a million cached edges are a dictionary of 48-byte entries.
/// </summary>
internal readonly struct CachedRow(long id, PropertyKeys keys, bool hasName)
{
    private readonly long _idAndName = (id << 1) | (hasName ? 1L : 0L);

    public long Id => _idAndName >> 1;

    public bool HasName => (_idAndName & 1) != 0;

    public PropertyKeys Keys { get; } = keys;
}
