using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Keeps the segments a provenance read looks in few. A bulk load's merge step grows with the index, so its segments
/// stay few on their own (13 for 10,000 images); a server's step is capped (<see cref="SqliteStoreOptions.ProvenanceMergeMaxIds"/>),
/// so without this its segments would grow in number with everything it ever ingested.
/// <para>
/// Segments are grouped by size class (the power of <see cref="Together"/> their pair count is in). When the newest
/// <see cref="Together"/> are of one class they are written again as one segment of the next class (their pairs merged
/// in key order, <see cref="SegmentPairs"/>), in the merge's transaction, and so on up while that makes another such
/// run: a base-8 counter. Fewer than <see cref="Together"/> segments of each class remain, and a pair is rewritten once
/// per class it climbs, so a compaction never rewrites a segment much larger than the ones it joins (compacting "the
/// newest eight" whatever their sizes would rewrite the same ever-growing segment again and again).
/// </para>
/// </summary>
internal static class SegmentCompaction
{
    public const int Together = 8;

    /// <summary>Compacts while the newest segments make a run; returns how many segments were rewritten.</summary>
    public static int Run(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<BlockWriter> indexes)
    {
        var rewritten = 0;
        while (true)
        {
            var segments = Segments.All(connection, transaction);
            var run = NewestRun(segments.Select(s => s.Pairs).ToList());
            if (run == 0)
            {
                return rewritten;
            }

            var chosen = segments[^run..];
            var (first, last) = (chosen[0].Id, chosen[^1].Id);
            var target = last + 1;
            var pairs = 0L;
            foreach (var writer in indexes)
            {
                using var source = new SegmentPairs(connection, transaction, writer.Table, chosen.Select(s => s.Id));
                pairs += writer.Write(source, target);
            }

            Segments.Remove(connection, transaction, first, last, [.. indexes.Select(i => i.Table)]);
            Segments.Add(connection, transaction, target, chosen[^1].Through, pairs);
            rewritten += run;
        }
    }

    /// <summary>
    /// How many of the newest segments (given oldest first by their pair counts) to write again as one:
    /// <see cref="Together"/> when the newest that many share a size class, else 0.
    /// </summary>
    public static int NewestRun(IReadOnlyList<long> pairs)
    {
        if (pairs.Count < Together)
        {
            return 0;
        }

        var newest = SizeClass(pairs[^1]);
        for (var i = 2; i <= Together; i++)
        {
            if (SizeClass(pairs[^i]) != newest)
            {
                return 0;
            }
        }

        return Together;
    }

    /// <summary>floor(log8(pairs)): 1–7 pairs are class 0, 8–63 class 1, and so on.</summary>
    public static int SizeClass(long pairs) => pairs <= 1 ? 0 : (63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)pairs)) / 3;
}
