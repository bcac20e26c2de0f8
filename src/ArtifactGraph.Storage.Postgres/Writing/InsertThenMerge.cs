using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// Writes a chunk's pending rows in two steps: an INSERT of all of them that returns the ids of the new ones,
/// then, only if some were stored already, a merge of those that returns their ids. With the row cache most
/// pending rows are new, so the second statement rarely runs and a new row costs one index probe, not three.
/// </summary>
internal static class InsertThenMerge
{
    /// <summary>Fills <paramref name="ids"/> (one per pending row) and returns how many rows were new.</summary>
    public static int Run(long[] ids, Func<string, List<int>?, NpgsqlCommand> command, string insert, string merge)
    {
        Array.Clear(ids);
        using (var inserting = command(insert, null))
        using (var reader = inserting.ExecuteReader())
        {
            while (reader.Read())
            {
                ids[reader.GetInt64(0) - 1] = reader.GetInt64(1);
            }
        }

        var stored = new List<int>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] == 0)
            {
                stored.Add(i);
            }
        }

        if (stored.Count > 0)
        {
            using var merging = command(merge, stored);
            using var reader = merging.ExecuteReader();
            for (var j = 0; reader.Read(); j++)
            {
                ids[stored[j]] = reader.GetInt64(0);
            }
        }

        return ids.Length - stored.Count;
    }
}
