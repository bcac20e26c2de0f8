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
}
