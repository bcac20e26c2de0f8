using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Reading;

/// <summary>Claims of current documents, and node property maps.</summary>
internal static class ClaimQueries
{
    public static IReadOnlyList<StoredClaim> Load(SqliteConnection connection, DateTimeOffset? asOf)
    {
        using var command = connection.CreateCommand();
        var live = asOf is null
            ? "SELECT id FROM documents WHERE superseded_by IS NULL"
            : GraphLoader.LiveAsOf;
        command.CommandText =
            $"""
            SELECT c.document_id, c.kind, c.vulnerability, c.subject_kind, c.subject_key, c.payload
            FROM claims c WHERE c.document_id IN ({live})
            ORDER BY c.id;
            """;
        if (asOf is { } time)
        {
            command.Parameters.AddWithValue("$as_of", SqliteTimestamps.FormatSortable(time));
        }

        var claims = new List<StoredClaim>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var subject = new NodeRef((NodeKind)reader.GetInt64(3), reader.GetString(4));
            claims.Add(new StoredClaim(reader.GetInt64(0), new ClaimRecord((ClaimKind)reader.GetInt64(1), reader.GetString(2), subject, reader.GetString(5))));
        }

        return claims;
    }

    public static IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> NodeProperties(SqliteConnection connection, IReadOnlyCollection<NodeRef> nodes)
    {
        var result = new Dictionary<NodeRef, IReadOnlyDictionary<string, string>>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT properties FROM nodes WHERE kind = $kind AND key = $key;";
        var kind = command.Parameters.Add("$kind", SqliteType.Integer);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Prepare();
        foreach (var node in nodes.Distinct())
        {
            kind.Value = (long)node.Kind;
            key.Value = node.Key;
            if (command.ExecuteScalar() is string json)
            {
                result[node] = PropertyJson.Read(json);
            }
        }

        return result;
    }
}
