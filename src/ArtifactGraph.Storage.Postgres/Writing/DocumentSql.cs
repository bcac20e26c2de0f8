namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>The per-document statements of a commit: the idempotency check, the row, the change entry, supersession.</summary>
internal static class DocumentSql
{
    public const string Find = "SELECT id, seq FROM documents WHERE sha256 = $1;";

    /// <summary>
    /// The row exists from the start of the transaction so chunks can record provenance as they go; its facts
    /// are known only when the reader finishes (<see cref="Describe"/>), and seq once the change row exists.
    /// </summary>
    public const string Insert =
        """
        INSERT INTO documents (sha256, format, name, ingested_at, seq, byte_size, raw, raw_encoding, effective_at)
        VALUES ($1, '', '', $2, 0, $3, $4, $5, $2)
        RETURNING id;
        """;

    /// <summary>$1 id, $2..$8 the document's facts, $9 ingested at: records them and the change; returns the sequence.</summary>
    public const string Describe =
        """
        WITH change AS (
            INSERT INTO changes (document_id, operation, at) VALUES ($1, 'ingest', $9) RETURNING seq)
        UPDATE documents
        SET format = $2, spec_version = $3, name = $4, subject_kind = $5, subject_key = $6, created_at = $7,
            effective_at = coalesce($7, ingested_at), properties = $8, seq = (SELECT seq FROM change)
        WHERE id = $1
        RETURNING seq;
        """;

    /// <summary>
    /// $1 subject kind, $2 subject key. The latest document about a subject is current; every other one is
    /// superseded by it. Re-deciding from scratch on each commit means an old document ingested late stays
    /// superseded. Returns how many documents the subject has (more than one: supersession was decided).
    /// </summary>
    public const string Supersede =
        """
        WITH winner AS (
            SELECT id FROM documents WHERE subject_kind = $1 AND subject_key = $2
            ORDER BY effective_at DESC, id DESC LIMIT 1),
        decided AS (
            UPDATE documents d SET superseded_by = nullif((SELECT id FROM winner), d.id)
            WHERE d.subject_kind = $1 AND d.subject_key = $2
              AND d.superseded_by IS DISTINCT FROM nullif((SELECT id FROM winner), d.id))
        SELECT count(*)::integer FROM documents WHERE subject_kind = $1 AND subject_key = $2;
        """;
}
