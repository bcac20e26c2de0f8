using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>The per-document statements of a commit: the idempotency check, the row, the change entry.</summary>
internal sealed class DocumentStatements : IDisposable
{
    public DocumentStatements(SqliteConnection connection)
    {
        Find = new Statement(connection, "SELECT id, seq FROM documents WHERE sha256 = $sha256;", "$sha256");

        // The row is written once, complete, when the document is: inserted first and described later, its raw bytes (an
        // overflow chain of ~20 pages for a tier M SBOM) went to the write-ahead log twice, for ~15% of a commit's pages.
        // Its id is chosen beforehand (NextId) so the change row, whose seq the row holds, can come first.
        NextId = new Statement(connection, "SELECT coalesce(max(id), 0) + 1 FROM documents;");
        Insert = new Statement(
            connection,
            """
            INSERT INTO documents (id, sha256, format, spec_version, name, subject_kind, subject_key, created_at,
                                   ingested_at, seq, byte_size, raw, raw_encoding, properties, effective_at)
            VALUES ($id, $sha256, $format, $spec_version, $name, $subject_kind, $subject_key, $created_at,
                    $ingested_at, $seq, $byte_size, $raw, $raw_encoding, $properties, $effective_at);
            """,
            "$id",
            "$sha256",
            "$format",
            "$spec_version",
            "$name",
            "$subject_kind",
            "$subject_key",
            "$created_at",
            "$ingested_at",
            "$seq",
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

        InsertChange = new Statement(
            connection,
            "INSERT INTO changes (document_id, operation, at) VALUES ($document_id, $operation, $at) RETURNING seq;",
            "$document_id",
            "$operation",
            "$at");
    }

    public Statement Find { get; }

    public Statement NextId { get; }

    public Statement Insert { get; }

    public Statement InsertChange { get; }

    public Statement SubjectCount { get; }

    public Statement Supersede { get; }

    public IEnumerable<Statement> All => [Find, NextId, Insert, InsertChange, SubjectCount, Supersede];

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Dispose();
        }
    }
}
