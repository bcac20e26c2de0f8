using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary><c>provenance_segments</c>: one row per merge, which its blocks' keys start with (<see cref="PostingBlock.Key"/>).</summary>
internal static class Segments
{
    /// <summary>The id the next segment takes (its blocks are written before its row).</summary>
    public static long Next(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(id), 0) + 1 FROM provenance_segments;";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Records segment <paramref name="id"/>: documents up to <paramref name="through"/>, <paramref name="pairs"/> pairs.</summary>
    public static void Add(SqliteConnection connection, SqliteTransaction transaction, long id, long through, long pairs)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO provenance_segments (id, through, pairs) VALUES ($id, $through, $pairs);";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$through", through);
        command.Parameters.AddWithValue("$pairs", pairs);
        command.ExecuteNonQuery();
    }

    /// <summary>Adds <paramref name="pairs"/> (negative: takes them away) to segment <paramref name="id"/>'s count.</summary>
    public static void AddPairs(SqliteConnection connection, SqliteTransaction transaction, long id, long pairs)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE provenance_segments SET pairs = pairs + $pairs WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$pairs", pairs);
        command.ExecuteNonQuery();
    }

    /// <summary>Every segment, oldest first.</summary>
    public static List<(long Id, long Through, long Pairs)> All(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, through, pairs FROM provenance_segments ORDER BY id;";
        using var reader = command.ExecuteReader();
        var segments = new List<(long, long, long)>();
        while (reader.Read())
        {
            segments.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return segments;
    }

    /// <summary>Drops segments <paramref name="first"/> to <paramref name="last"/>: their rows and their blocks in <paramref name="tables"/>.</summary>
    public static void Remove(SqliteConnection connection, SqliteTransaction transaction, long first, long last, params string[] tables)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$last", last);
        command.Parameters.AddWithValue("$from", PostingBlock.FirstKey(first));
        command.Parameters.AddWithValue("$to", PostingBlock.FirstKey(last + 1));
        command.CommandText = string.Concat(tables.Select(t => $"DELETE FROM {t} WHERE key >= $from AND key < $to; "))
            + "DELETE FROM provenance_segments WHERE id BETWEEN $first AND $last;";
        command.ExecuteNonQuery();
    }
}
