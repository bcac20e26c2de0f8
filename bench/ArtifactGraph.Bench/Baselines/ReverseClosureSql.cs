using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Bench.Baselines;

/// <summary>
/// The reverse closure the index answers, as the recursive CTE a relational store would run: from every
/// version of a package (VERSION_OF into the package node, as TargetResolver does for a versionless purl),
/// walk edges of the impact allowlist backwards, and OCCURS_AS forwards too (EdgeKindSet.Symmetric).
/// UNION (not UNION ALL) drops rows already reached, so cycles end. Both texts run on the stores' own
/// tables and indexes (edges_to for the reverse step, the (kind, from_id, to_id) key for OCCURS_AS forwards).
/// $1 is the package key; rows are (node id, node kind), read in full like the index query's hits.
/// </summary>
internal static class ReverseClosureSql
{
    private static readonly string Allowed = string.Join(", ", EdgeKindSet.Impact.Kinds.Select(k => (int)k));
    private static readonly int VersionOf = (int)EdgeKind.VersionOf;
    private static readonly int OccursAs = (int)EdgeKind.OccursAs;
    private static readonly int Package = (int)NodeKind.Package;

    /// <summary>
    /// PostgreSQL allows one reference to the recursive CTE in its recursive term, so both directions sit
    /// in one LATERAL subquery.
    /// </summary>
    public static string Postgres { get; } =
        $"""
        WITH RECURSIVE reach(id) AS (
            SELECT e.from_id FROM nodes p JOIN edges e ON e.to_id = p.id AND e.kind = {VersionOf}
            WHERE p.kind = {Package} AND p.key = $1
          UNION
            SELECT step.id FROM reach r CROSS JOIN LATERAL (
                SELECT e.from_id AS id FROM edges e WHERE e.to_id = r.id AND e.kind IN ({Allowed})
                UNION ALL
                SELECT e.to_id FROM edges e WHERE e.kind = {OccursAs} AND e.from_id = r.id) step)
        SELECT r.id, n.kind FROM reach r JOIN nodes n ON n.id = r.id;
        """;

    /// <summary>SQLite (3.34+) takes several recursive SELECTs in one CTE, one per direction.</summary>
    public static string Sqlite { get; } =
        $"""
        WITH RECURSIVE reach(id) AS (
            SELECT e.from_id FROM nodes p JOIN edges e ON e.to_id = p.id AND e.kind = {VersionOf}
            WHERE p.kind = {Package} AND p.key = $key
          UNION
            SELECT e.from_id FROM reach r JOIN edges e ON e.to_id = r.id AND e.kind IN ({Allowed})
          UNION
            SELECT e.to_id FROM reach r JOIN edges e ON e.kind = {OccursAs} AND e.from_id = r.id)
        SELECT r.id, n.kind FROM reach r JOIN nodes n ON n.id = r.id;
        """;
}
