using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Sqlite.Provenance;
using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Reading;

/// <summary>Reads over the documents table: summaries, provenance of an edge, raw bytes.</summary>
internal static class DocumentQueries
{
    private const string SummaryColumns = "d.id, d.sha256, d.format, d.name, d.ingested_at, d.seq, d.subject_kind, d.subject_key, d.effective_at, d.superseded_by, d.properties";

    public static bool Contains(SqliteConnection connection, string sha256)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM documents WHERE sha256 = $sha256;";
        command.Parameters.AddWithValue("$sha256", sha256);
        return command.ExecuteScalar() is not null;
    }

    public static long ChangeSequence(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM changes;";
        return (long)command.ExecuteScalar()!;
    }

    public static IReadOnlyList<DocumentSummary> List(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns} FROM documents d ORDER BY d.seq;";
        return ReadSummaries(command);
    }

    public static IReadOnlyList<DocumentSummary> ForEdge(SqliteConnection connection, EdgeKind kind, NodeRef from, NodeRef to)
    {
        // One snapshot for the edge, its merged and staged provenance, and the summaries.
        using var transaction = connection.BeginTransaction(deferred: true);
        if (NodeId(connection, transaction, from) is not { } fromId || NodeId(connection, transaction, to) is not { } toId)
        {
            return [];
        }

        using var edge = connection.CreateCommand();
        edge.Transaction = transaction;
        edge.CommandText = "SELECT id FROM edges WHERE kind = $kind AND from_id = $from_id AND to_id = $to_id;";
        edge.Parameters.AddWithValue("$kind", (long)kind);
        edge.Parameters.AddWithValue("$from_id", fromId);
        edge.Parameters.AddWithValue("$to_id", toId);
        if (edge.ExecuteScalar() is not long edgeId)
        {
            return [];
        }

        var documentIds = ProvenanceReads.DocumentIds(connection, transaction, ProvenanceRows.Edges, edgeId);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SummaryColumns} FROM documents d WHERE d.id IN (SELECT value FROM json_each($ids)) ORDER BY d.seq;";
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', documentIds) + "]");
        return ReadSummaries(command);
    }

    private static long? NodeId(SqliteConnection connection, SqliteTransaction transaction, NodeRef node)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = NodeLookup.ByKey("n.id");
        command.Parameters.AddWithValue("$kind", (long)node.Kind);
        command.Parameters.AddWithValue("$key", node.Key);
        return command.ExecuteScalar() as long?;
    }

    public static byte[]? Raw(SqliteConnection connection, string sha256)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT raw, raw_encoding, byte_size FROM documents WHERE sha256 = $sha256;";
        command.Parameters.AddWithValue("$sha256", sha256);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return RawCompression.Decode((byte[])reader.GetValue(0), reader.GetString(1), reader.GetInt64(2));
    }

    private static List<DocumentSummary> ReadSummaries(SqliteCommand command)
    {
        var summaries = new List<DocumentSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            NodeRef? subject = reader.IsDBNull(6) || reader.IsDBNull(7)
                ? null
                : new NodeRef((NodeKind)reader.GetInt64(6), reader.GetString(7));
            summaries.Add(new DocumentSummary(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                SqliteTimestamps.Parse(reader.GetString(4)),
                reader.GetInt64(5),
                subject,
                SqliteTimestamps.Parse(reader.GetString(8)),
                reader.IsDBNull(9) ? null : reader.GetInt64(9))
            {
                Properties = PropertyJson.Read(reader.GetString(10)),
            });
        }

        return summaries;
    }
}
