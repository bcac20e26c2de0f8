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

    /// <summary>
    /// The property maps of the nodes that exist: each looked up in the (kind, key) index, then those it lacks in one walk
    /// of the staged nodes, all in one snapshot (a merge in between would otherwise hide a node from both).
    /// </summary>
    public static IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> NodeProperties(SqliteConnection connection, IReadOnlyCollection<NodeRef> nodes)
    {
        var result = new Dictionary<NodeRef, IReadOnlyDictionary<string, string>>();
        var missing = new HashSet<NodeRef>();
        using var transaction = connection.BeginTransaction(deferred: true);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = NodeLookup.Merged("n.properties") + ";";
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
                else
                {
                    missing.Add(node);
                }
            }
        }

        if (missing.Count > 0)
        {
            using var staged = connection.CreateCommand();
            staged.Transaction = transaction;
            staged.CommandText = NodeLookup.Staged("n.properties");
            using var reader = staged.ExecuteReader();
            while (reader.Read())
            {
                var node = new NodeRef((NodeKind)reader.GetInt64(0), reader.GetString(1));
                if (missing.Contains(node))
                {
                    result[node] = PropertyJson.Read(reader.GetString(2));
                }
            }
        }

        return result;
    }
}
