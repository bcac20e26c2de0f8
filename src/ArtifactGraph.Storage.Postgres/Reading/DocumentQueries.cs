using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Reading;

/// <summary>Reads over the documents table: summaries, provenance of an edge, raw bytes.</summary>
internal static class DocumentQueries
{
    private const string SummaryColumns = "d.id, d.sha256, d.format, d.name, d.ingested_at, d.seq, d.subject_kind, d.subject_key, d.effective_at, d.superseded_by, d.properties";

    public static bool Contains(NpgsqlConnection connection, string sha256)
    {
        using var command = new NpgsqlCommand("SELECT 1 FROM documents WHERE sha256 = $1;", connection).WithText(sha256);
        return command.ExecuteScalar() is not null;
    }

    public static long ChangeSequence(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0)::bigint FROM changes;", connection);
        return (long)command.ExecuteScalar()!;
    }

    public static IReadOnlyList<DocumentSummary> List(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand($"SELECT {SummaryColumns} FROM documents d ORDER BY d.seq;", connection);
        return ReadSummaries(command);
    }

    public static IReadOnlyList<DocumentSummary> ForEdge(NpgsqlConnection connection, EdgeKind kind, NodeRef from, NodeRef to)
    {
        using var command = new NpgsqlCommand(
            $"""
            SELECT {SummaryColumns}
            FROM nodes f
            JOIN nodes t ON t.kind = $4 AND t.key = $5
            JOIN edges e ON e.kind = $1 AND e.from_id = f.id AND e.to_id = t.id
            JOIN document_rows r ON r.edge_ids @> ARRAY[e.id]
            JOIN documents d ON d.id = r.document_id
            WHERE f.kind = $2 AND f.key = $3
            ORDER BY d.seq;
            """,
            connection)
            .With((int)kind)
            .With((int)from.Kind)
            .WithText(from.Key)
            .With((int)to.Kind)
            .WithText(to.Key);
        return ReadSummaries(command);
    }

    public static byte[]? Raw(NpgsqlConnection connection, string sha256)
    {
        using var command = new NpgsqlCommand("SELECT raw, raw_encoding, byte_size FROM documents WHERE sha256 = $1;", connection).WithText(sha256);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return RawCompression.Decode(reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetInt64(2));
    }

    private static List<DocumentSummary> ReadSummaries(NpgsqlCommand command)
    {
        var summaries = new List<DocumentSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            NodeRef? subject = reader.IsDBNull(6) || reader.IsDBNull(7)
                ? null
                : new NodeRef((NodeKind)reader.GetInt32(6), reader.GetString(7));
            summaries.Add(new DocumentSummary(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetInt64(5),
                subject,
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9))
            {
                Properties = PropertyMaps.Read(reader.GetString(10)),
            });
        }

        return summaries;
    }
}
