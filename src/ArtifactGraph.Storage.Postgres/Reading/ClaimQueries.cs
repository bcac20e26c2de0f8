using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Reading;

/// <summary>Claims of current documents, and node property maps.</summary>
internal static class ClaimQueries
{
    public static IReadOnlyList<StoredClaim> Load(NpgsqlConnection connection, DateTimeOffset? asOf)
    {
        using var command = new NpgsqlCommand(
            $"""
            SELECT c.document_id, c.kind, c.vulnerability, c.subject_kind, c.subject_key, c.payload
            FROM claims c WHERE c.document_id IN ({(asOf is null ? LiveDocuments.Now : LiveDocuments.AsOf)})
            ORDER BY c.id;
            """,
            connection);
        if (asOf is { } time)
        {
            command.WithTime(time);
        }

        var claims = new List<StoredClaim>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var subject = new NodeRef((NodeKind)reader.GetInt32(3), reader.GetString(4));
            claims.Add(new StoredClaim(reader.GetInt64(0), new ClaimRecord((ClaimKind)reader.GetInt32(1), reader.GetString(2), subject, reader.GetString(5))));
        }

        return claims;
    }

    /// <summary>One query for all the nodes asked about; <c>live:</c> keys were merged latest-wins at write time.</summary>
    public static IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> NodeProperties(NpgsqlConnection connection, IReadOnlyCollection<NodeRef> nodes)
    {
        var result = new Dictionary<NodeRef, IReadOnlyDictionary<string, string>>();
        var distinct = nodes.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return result;
        }

        using var command = new NpgsqlCommand(
            """
            SELECT n.kind, n.key, n.properties
            FROM unnest($1::integer[], $2::text[]) AS u(kind, key)
            JOIN nodes n ON n.kind = u.kind AND n.key = u.key;
            """,
            connection)
            .With(distinct.Select(n => (int)n.Kind).ToArray())
            .WithTextArray(distinct.Select(n => n.Key).ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[new NodeRef((NodeKind)reader.GetInt32(0), reader.GetString(1))] = PropertyMaps.Read(reader.GetString(2));
        }

        return result;
    }
}
