using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Keeps the segments a provenance read looks in few. A bulk load's merge step grows with the index, so its segments
/// stay few on their own (13 for 10,000 images); a server's step is capped (<see cref="SqliteStoreOptions.ProvenanceMergeMaxIds"/>),
/// so without this its segments would grow in number with everything it ever ingested.
/// <para>
/// Segments are grouped by size class (the power of <see cref="Together"/> their pair count is in). When the newest
/// <see cref="Together"/> are of one class they are joined as one segment of the next class (their pairs merged in
/// key order, <see cref="SegmentPairs"/>), and so on up while that makes another such run: a base-8 counter. Fewer
/// than <see cref="Together"/> segments of each class remain, and a pair is rewritten once per class it climbs, so a
/// compaction never rewrites a segment much larger than the ones it joins.
/// </para>
/// <para>
/// A join moves a slice of blocks at a time (<see cref="Step"/>, a bounded number of pairs per transaction) into the
/// joined segment, which is registered from the start: every block is then in the joined segment or still in its
/// old ones, never both, so reads need not know. Done in one go, a join one class above a server's merges rewrote
/// 256M pairs (~25 s) while every upload waited. <c>provenance_compaction</c> keeps how far a join has come.
/// </para>
/// </summary>
internal static class SegmentCompaction
{
    public const int Together = 8;

    /// <summary>
    /// Moves about <paramref name="budget"/> pairs (at least one block) of the join under way, or of one it starts when
    /// the newest segments make a run, and goes on to the next join while budget is left. Returns whether a join is
    /// still under way.
    /// </summary>
    public static bool Step(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<BlockWriter> indexes, long budget)
    {
        var moved = 0L;
        while ((Pending(connection, transaction) ?? Start(connection, transaction)) is { } join)
        {
            if (moved >= budget)
            {
                return true;
            }

            moved += Slice(connection, transaction, indexes, join, budget - moved);
        }

        return false;
    }

    /// <summary>Whether a join is under way (the store checks once on open, then learns it from <see cref="Step"/>).</summary>
    public static bool IsPending(SqliteConnection connection, SqliteTransaction? transaction) => Pending(connection, transaction) is not null;

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

    /// <summary>Starts joining the newest segments if they make a run: registers the joined segment, empty, and the join.</summary>
    private static Join? Start(SqliteConnection connection, SqliteTransaction transaction)
    {
        var segments = Segments.All(connection, transaction);
        var run = NewestRun(segments.Select(s => s.Pairs).ToList());
        if (run == 0)
        {
            return null;
        }

        var chosen = segments[^run..];
        var join = new Join(chosen[0].Id, chosen[^1].Id, 0, 0);
        Segments.Add(connection, transaction, join.Target, chosen[^1].Through, 0);
        Execute(connection, transaction, "INSERT INTO provenance_compaction (id, first, last, edge_next, node_next) VALUES (1, $first, $last, 0, 0);", join);
        return join;
    }

    /// <summary>
    /// Moves the next blocks of each index, about <paramref name="budget"/> pairs in all (whole blocks); ends the join when
    /// the old segments hold none. Each index keeps its own place: node blocks hold many more pairs than edge blocks.
    /// </summary>
    private static long Slice(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<BlockWriter> indexes, Join join, long budget)
    {
        var sources = Enumerable.Range(0, (int)(join.Last - join.First + 1)).Select(i => join.First + i).ToList();
        var taken = new long[sources.Count];
        var moved = 0L;
        var left = false;
        foreach (var writer in indexes)
        {
            var next = join.NextOf(writer.Table);
            if (next < 0)
            {
                continue;
            }

            long? end;
            using (var source = new SegmentPairs(connection, transaction, writer.Table, sources, next, Math.Max(1, budget / indexes.Count)))
            {
                moved += writer.Write(source, join.Target);
                taken = [.. taken.Zip(source.Taken, (a, b) => a + b)];
                end = source.EndBlock;
            }

            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {writer.Table} WHERE key >= $from AND key < $to;";
            var from = delete.Parameters.Add("$from", SqliteType.Integer);
            var to = delete.Parameters.Add("$to", SqliteType.Integer);
            foreach (var segment in sources)
            {
                (from.Value, to.Value) = (PostingBlock.Key(segment, next), end is { } stop ? PostingBlock.Key(segment, stop) : PostingBlock.FirstKey(segment + 1));
                delete.ExecuteNonQuery();
            }

            // -1: this index has moved every block.
            Execute(connection, transaction, $"UPDATE provenance_compaction SET {Join.Column(writer.Table)} = {end ?? -1};", join);
            left |= end is not null;
        }

        // Pairs move with their blocks, so the segments' counts keep adding up to the pairs stored.
        for (var i = 0; i < sources.Count; i++)
        {
            Segments.AddPairs(connection, transaction, sources[i], -taken[i]);
        }

        Segments.AddPairs(connection, transaction, join.Target, moved);
        if (!left)
        {
            // Nothing left in the old segments: they go, and the joined one stays.
            Segments.Remove(connection, transaction, join.First, join.Last, [.. indexes.Select(i => i.Table)]);
            Execute(connection, transaction, "DELETE FROM provenance_compaction;", join);
        }

        return Math.Max(moved, 1);
    }

    private static Join? Pending(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT first, last, edge_next, node_next FROM provenance_compaction WHERE id = 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new Join(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)) : null;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, Join join)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$first", join.First);
        command.Parameters.AddWithValue("$last", join.Last);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Segments <see cref="First"/> to <see cref="Last"/> being joined as <see cref="Target"/>; in each index the blocks
    /// below its next block have moved (-1: all of them).
    /// </summary>
    private readonly record struct Join(long First, long Last, long EdgeNext, long NodeNext)
    {
        public long Target => Last + 1;

        public static string Column(string table) => table == PostingBlock.EdgeTable ? "edge_next" : "node_next";

        public long NextOf(string table) => table == PostingBlock.EdgeTable ? EdgeNext : NodeNext;
    }
}
