namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// The set-based statements that write one chunk: each takes the chunk's rows as arrays (unnest), so a
/// chunk of thousands of rows is one round trip; rows the writer's cache knows unchanged are not sent. Every
/// statement is one snapshot: the UPDATE sees only rows that existed before it (merging into them), the
/// INSERT's RETURNING gives the new ones. Writers hold the write advisory lock, so no other transaction
/// inserts the same keys meanwhile.
/// </summary>
internal static class GraphSql
{
    /// <summary>
    /// $1..$5 kind, key, name, properties, live properties per node: the chunk's nodes the writer's cache could
    /// not vouch for, most of them new in a warm store. Inserts those not stored yet and returns (position in
    /// the input, 1-based; id) for each row inserted: a new row costs one probe of the unique index, not three.
    /// The rest were stored already and go to <see cref="MergeNodes"/>.
    /// </summary>
    public const string InsertNodes =
        """
        WITH u AS (
            SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[])
                WITH ORDINALITY AS u(kind, key, name, properties, live, ord)),
        ins AS (
            INSERT INTO nodes (kind, key, name, properties)
            SELECT kind, key, name, properties FROM u ORDER BY ord
            ON CONFLICT (kind, key) DO NOTHING
            RETURNING id, kind, key)
        SELECT u.ord, ins.id FROM ins JOIN u ON u.kind = ins.kind AND u.key = ins.key;
        """;

    /// <summary>
    /// $1..$5 as <see cref="InsertNodes"/>, for nodes already stored: each keeps its values (jsonb <c>a || b</c>
    /// lets b win, so <c>new || existing</c> keeps what is stored), fills in a missing name, and takes the
    /// <c>live:</c> keys of this document. Rows that would not change are not rewritten (no dead tuple for a
    /// popular node in every document). Returns each node's id in input order.
    /// </summary>
    public const string MergeNodes =
        """
        WITH u AS (
            SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[])
                WITH ORDINALITY AS u(kind, key, name, properties, live, ord)),
        merged AS (
            UPDATE nodes n
            SET name = coalesce(n.name, u.name),
                properties = (u.properties || n.properties) || coalesce(u.live, '{}'::jsonb)
            FROM u
            WHERE n.kind = u.kind AND n.key = u.key
              AND ((n.name IS NULL AND u.name IS NOT NULL)
                   OR n.properties <> ((u.properties || n.properties) || coalesce(u.live, '{}'::jsonb))))
        SELECT n.id FROM u JOIN nodes n ON n.kind = u.kind AND n.key = u.key ORDER BY u.ord;
        """;

    /// <summary>$1..$4 kind, from id, to id, properties per edge: as <see cref="InsertNodes"/>, for edges.</summary>
    public const string InsertEdges =
        """
        WITH u AS (
            SELECT * FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $4::jsonb[])
                WITH ORDINALITY AS u(kind, from_id, to_id, properties, ord)),
        ins AS (
            INSERT INTO edges (kind, from_id, to_id, properties)
            SELECT kind, from_id, to_id, properties FROM u ORDER BY ord
            ON CONFLICT (kind, from_id, to_id) DO NOTHING
            RETURNING id, kind, from_id, to_id)
        SELECT u.ord, ins.id FROM ins JOIN u ON u.kind = ins.kind AND u.from_id = ins.from_id AND u.to_id = ins.to_id;
        """;

    /// <summary>
    /// $1..$4 as <see cref="InsertEdges"/>, for edges already stored: each is merged (existing keys win).
    /// Returns each edge's id in input order.
    /// </summary>
    public const string MergeEdges =
        """
        WITH u AS (
            SELECT * FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $4::jsonb[])
                WITH ORDINALITY AS u(kind, from_id, to_id, properties, ord)),
        merged AS (
            UPDATE edges e SET properties = u.properties || e.properties
            FROM u
            WHERE e.kind = u.kind AND e.from_id = u.from_id AND e.to_id = u.to_id
              AND e.properties <> (u.properties || e.properties))
        SELECT e.id FROM u JOIN edges e ON e.kind = u.kind AND e.from_id = u.from_id AND e.to_id = u.to_id ORDER BY u.ord;
        """;

    /// <summary>$1 document id, $2 its edge ids, $3 its node ids (each sorted and distinct): its provenance.</summary>
    public const string DocumentRows =
        "INSERT INTO document_rows (document_id, edge_ids, node_ids) VALUES ($1, $2, $3);";

    /// <summary>$1 kinds, $2 keys: the ids of stored nodes (edge ends written by an earlier chunk).</summary>
    public const string FindNodes =
        """
        SELECT u.ord, n.id
        FROM unnest($1::integer[], $2::text[]) WITH ORDINALITY AS u(kind, key, ord)
        JOIN nodes n ON n.kind = u.kind AND n.key = u.key;
        """;

    /// <summary>$1 document id; $2..$6 kind, vulnerability, subject kind, subject key, payload per claim.</summary>
    public const string WriteClaims =
        """
        INSERT INTO claims (document_id, kind, vulnerability, subject_kind, subject_key, payload)
        SELECT $1, u.kind, u.vulnerability, u.subject_kind, u.subject_key, u.payload FROM unnest($2::integer[], $3::text[], $4::integer[], $5::text[], $6::text[]) WITH ORDINALITY AS u(kind, vulnerability, subject_kind, subject_key, payload, ord)
        ORDER BY u.ord;
        """;
}
