using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Keeps the segments a provenance read looks in few. A bulk load's merge step grows with the index, so its segments
/// stay few on their own (13 for 10,000 images); a server's step is capped (<see cref="SqliteStoreOptions.ProvenanceMergeMaxIds"/>),
/// so without this its segments would grow in number with everything it ever ingested. When a merge leaves more than
/// <see cref="MaxSegments"/>, the newest <see cref="Together"/> are written again as one segment (their pairs merged
/// in key order, <see cref="SegmentPairs"/>), in the merge's transaction. A pair is rewritten about once per factor of
/// <see cref="Together"/> that the index grows by.
/// </summary>
internal static class SegmentCompaction
{
    public const int MaxSegments = 16;

    public const int Together = 8;

    /// <summary>Compacts if there are too many segments; returns how many were rewritten as one (0 when none).</summary>
    public static int Run(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(BlockWriter Writer, string Table)> indexes)
    {
        var segments = Segments.All(connection, transaction);
        if (segments.Count <= MaxSegments)
        {
            return 0;
        }

        var chosen = segments[^Together..];
        var (first, last) = (chosen[0].Id, chosen[^1].Id);
        var target = last + 1;
        var pairs = 0L;
        foreach (var (writer, table) in indexes)
        {
            using var source = new SegmentPairs(connection, transaction, table, chosen.Select(s => s.Id));
            pairs += writer.Write(source, target);
        }

        Segments.Remove(connection, transaction, first, last, [.. indexes.Select(i => i.Table)]);
        Segments.Add(connection, transaction, target, chosen[^1].Through, pairs);
        return chosen.Count;
    }
}
