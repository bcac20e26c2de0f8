namespace ArtifactGraph.Storage.Postgres.Reading;

/// <summary>Which documents count: those not superseded now, or those current as of a time.</summary>
internal static class LiveDocuments
{
    public const string Now = "SELECT id FROM documents WHERE superseded_by IS NULL";

    /// <summary>
    /// The documents current as of $1: effective by then, and the latest for their subject among those
    /// (the same rule as the SQLite store's, so both answer as-of queries alike).
    /// </summary>
    public const string AsOf =
        """
        SELECT d.id FROM documents d
        WHERE d.effective_at <= $1
          AND (d.subject_key IS NULL OR NOT EXISTS (
                SELECT 1 FROM documents n
                WHERE n.subject_kind = d.subject_kind AND n.subject_key = d.subject_key AND n.effective_at <= $1
                  AND (n.effective_at > d.effective_at OR (n.effective_at = d.effective_at AND n.id > d.id))))
        """;
}
