namespace ArtifactGraph.Storage.Sqlite.Reading;

/// <summary>
/// Finding a node by (kind, key) while some are staged (migration 010, Writing/StagedNodes.cs): a merged node through
/// the partial unique index nodes_key, a staged one by walking nodes_staged. That walk covers at most
/// <see cref="SqliteStoreOptions.NodeMergeRows"/> rows (~4 ms at the default) and none once the writer has closed, and
/// it runs only when the index has no such node.
/// </summary>
internal static class NodeLookup
{
    /// <summary>
    /// A merged node's <paramref name="columns"/> (of table alias n), bound to $kind and $key. "staged = 0" is what lets
    /// SQLite use the partial index nodes_key; the writer's lookup is this one too.
    /// </summary>
    public static string Merged(string columns) => $"SELECT {columns} FROM nodes n WHERE n.kind = $kind AND n.key = $key AND n.staged = 0";

    /// <summary>
    /// One node's <paramref name="columns"/> (of table alias n), bound to $kind and $key: LIMIT 1 ends the compound
    /// at the index's row, so the staged rows are read only for a node the index lacks.
    /// </summary>
    public static string ByKey(string columns) =>
        $"""
        {Merged(columns)}
        UNION ALL
        SELECT {columns} FROM nodes n WHERE n.staged = 1 AND n.kind = $kind AND n.key = $key
        LIMIT 1;
        """;

    /// <summary>Every staged node's kind, key and <paramref name="columns"/>: one walk for a batch the index lacked.</summary>
    public static string Staged(string columns) => $"SELECT n.kind, n.key, {columns} FROM nodes n WHERE n.staged = 1;";
}
