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
                                   ingested_at, seq, byte_size, raw, raw_encoding, properties, effective_at)
            VALUES ($sha256, $format, $spec_version, $name, $subject_kind, $subject_key, $created_at,
                    $ingested_at, 0, $byte_size, $raw, $raw_encoding, $properties, $effective_at)
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
            "$properties",
            "$effective_at");

        // The latest document about a subject is current; every other one is superseded by it.
        // Re-deciding from scratch on each commit means an old document ingested late stays superseded.
        SubjectCount = new Statement(
            connection,
            "SELECT count(*) FROM documents WHERE subject_kind = $kind AND subject_key = $key;",
            "$kind",
            "$key");
        Supersede = new Statement(
            connection,
            """
            UPDATE documents
            SET superseded_by = nullif(
                (SELECT w.id FROM documents w WHERE w.subject_kind = $kind AND w.subject_key = $key
                 ORDER BY w.effective_at DESC, w.id DESC LIMIT 1),
                documents.id)
            WHERE subject_kind = $kind AND subject_key = $key;
            """,
            "$kind",
            "$key");

        // The document's facts are known only when the reader finishes; the row exists from the start.
        Describe = new Statement(
            connection,
            """
            UPDATE documents SET format = $format, spec_version = $spec_version, name = $name, subject_kind = $subject_kind,
                subject_key = $subject_key, created_at = $created_at, effective_at = $effective_at, properties = $properties
            WHERE id = $id;
            """,
            "$format",
            "$spec_version",
            "$name",
            "$subject_kind",
            "$subject_key",
            "$created_at",
            "$effective_at",
            "$properties",
            "$id");

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

    public Statement Describe { get; }

    public Statement InsertChange { get; }

    public Statement SubjectCount { get; }

    public Statement Supersede { get; }

    public Statement SetSequence { get; }

    public IEnumerable<Statement> All => [Find, Insert, Describe, InsertChange, SetSequence, SubjectCount, Supersede];

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Dispose();
        }
    }
}
