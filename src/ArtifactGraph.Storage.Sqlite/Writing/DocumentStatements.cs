using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>The per-document statements of a commit: the idempotency check, the row, the change entry.</summary>
internal sealed class DocumentStatements : IDisposable
{
    public DocumentStatements(SqliteConnection connection)
    {
        Find = new Statement(connection, "SELECT id, seq FROM documents WHERE sha256 = $sha256;", "$sha256");

        // seq is filled in once the change row exists (changes references documents, so it comes second).
        Insert = new Statement(
            connection,
            """
            INSERT INTO documents (sha256, format, spec_version, name, subject_kind, subject_key, created_at,
                                   ingested_at, seq, byte_size, raw, raw_encoding, properties)
            VALUES ($sha256, $format, $spec_version, $name, $subject_kind, $subject_key, $created_at,
                    $ingested_at, 0, $byte_size, $raw, $raw_encoding, $properties)
            RETURNING id;
            """,
            "$sha256",
            "$format",
            "$spec_version",
            "$name",
            "$subject_kind",
            "$subject_key",
            "$created_at",
            "$ingested_at",
            "$byte_size",
            "$raw",
            "$raw_encoding",
            "$properties");

        InsertChange = new Statement(
            connection,
            "INSERT INTO changes (document_id, operation, at) VALUES ($document_id, $operation, $at) RETURNING seq;",
            "$document_id",
            "$operation",
            "$at");

        SetSequence = new Statement(
            connection,
            "UPDATE documents SET seq = $seq WHERE id = $id;",
            "$seq",
            "$id");
    }

    public Statement Find { get; }

    public Statement Insert { get; }

    public Statement InsertChange { get; }

    public Statement SetSequence { get; }

    public IEnumerable<Statement> All => [Find, Insert, InsertChange, SetSequence];

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Dispose();
        }
    }
}
