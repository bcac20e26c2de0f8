using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Reading;

/// <summary>Reads and writes of the api_keys table (migration 004). Each call is one statement: atomic on its own.</summary>
internal static class ApiKeyQueries
{
    private const string Columns = "id, name, role, key_hash, created_at, revoked_at";

    public static ApiKeyRecord Create(SqliteConnection connection, string name, ApiKeyRole role, string keyHash, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO api_keys (name, role, key_hash, created_at) VALUES ($name, $role, $hash, $at) RETURNING {Columns};";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$role", (long)role);
        command.Parameters.AddWithValue("$hash", keyHash);
        command.Parameters.AddWithValue("$at", SqliteTimestamps.Format(now));
        return ReadAll(command).Single();
    }

    public static IReadOnlyList<ApiKeyRecord> List(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys ORDER BY id;";
        return ReadAll(command);
    }

    public static ApiKeyRecord? Find(SqliteConnection connection, string keyHash)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys WHERE key_hash = $hash;";
        command.Parameters.AddWithValue("$hash", keyHash);
        return ReadAll(command).SingleOrDefault();
    }

    public static bool Revoke(SqliteConnection connection, long id, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", SqliteTimestamps.Format(now));
        return command.ExecuteNonQuery() == 1;
    }

    private static List<ApiKeyRecord> ReadAll(SqliteCommand command)
    {
        var keys = new List<ApiKeyRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(new ApiKeyRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                (ApiKeyRole)reader.GetInt64(2),
                reader.GetString(3),
                SqliteTimestamps.Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : SqliteTimestamps.Parse(reader.GetString(5))));
        }

        return keys;
    }
}
