using ArtifactGraph.Core.Storage;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Reading;

/// <summary>Reads and writes of the api_keys table (migration 004). Each call is one statement: atomic on its own.</summary>
internal static class ApiKeyQueries
{
    private const string Columns = "id, name, role, key_hash, created_at, revoked_at";

    public static ApiKeyRecord Create(NpgsqlConnection connection, string name, ApiKeyRole role, string keyHash, DateTimeOffset now)
    {
        using var command = new NpgsqlCommand($"INSERT INTO api_keys (name, role, key_hash, created_at) VALUES (@name, @role, @hash, @at) RETURNING {Columns};", connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("role", (int)role);
        command.Parameters.AddWithValue("hash", keyHash);
        command.Parameters.AddWithValue("at", now.ToUniversalTime());
        return ReadAll(command).Single();
    }

    public static IReadOnlyList<ApiKeyRecord> List(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_keys ORDER BY id;", connection);
        return ReadAll(command);
    }

    public static ApiKeyRecord? Find(NpgsqlConnection connection, string keyHash)
    {
        using var command = new NpgsqlCommand($"SELECT {Columns} FROM api_keys WHERE key_hash = @hash;", connection);
        command.Parameters.AddWithValue("hash", keyHash);
        return ReadAll(command).SingleOrDefault();
    }

    public static bool Revoke(NpgsqlConnection connection, long id, DateTimeOffset now)
    {
        using var command = new NpgsqlCommand("UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL;", connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", now.ToUniversalTime());
        return command.ExecuteNonQuery() == 1;
    }

    private static List<ApiKeyRecord> ReadAll(NpgsqlCommand command)
    {
        var keys = new List<ApiKeyRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(new ApiKeyRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                (ApiKeyRole)reader.GetInt32(2),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return keys;
    }
}
