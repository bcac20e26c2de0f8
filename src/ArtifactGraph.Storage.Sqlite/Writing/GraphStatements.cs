using ArtifactGraph.Storage.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// The per-row statements of a commit. Edge inserts use ON CONFLICT DO NOTHING so a new edge costs one
/// statement and an existing one changes nothing (then it is looked up and merged); only the uniqueness
/// conflict is ignored, NOT NULL violations still fail the commit. Node inserts are staged
/// (<see cref="StagedNodes"/>). Foreign keys are not enforced on the writer connection
/// (see SqliteConnections.ConfigureWriter): the ids bound are the writer's own.
/// </summary>
internal sealed class GraphStatements : IDisposable
{
    public GraphStatements(SqliteConnection connection)
    {
        // A new node is staged: appended outside the unique (kind, key) index, so there is no conflict to ignore. The
        // writer inserts only keys it found neither in StagedNodes nor in the index.
        InsertNode = new Statement(
            connection,
            "INSERT INTO nodes (kind, key, name, properties, staged) VALUES ($kind, $key, $name, $properties, 1);",
            "$kind",
            "$key",
            "$name",
            "$properties");

        // Merged nodes only: staged ones are found through StagedNodes, by id.
        FindNode = new Statement(
            connection,
            NodeLookup.Merged("n.id, n.name IS NOT NULL, n.properties") + ";",
            "$kind",
            "$key");
        FindNodeById = new Statement(
            connection,
            "SELECT id, name IS NOT NULL, properties FROM nodes WHERE id = $id;",
            "$id");

        // Existing keys keep their values (json_patch(new, existing) lets existing win); a name is only
        // filled in when missing. The WHERE clause skips the write when nothing would change.
        MergeNode = new Statement(
            connection,
            """
            UPDATE nodes SET name = coalesce(name, $name), properties = json_patch($properties, properties)
            WHERE id = $id AND ((name IS NULL AND $name IS NOT NULL) OR properties <> json_patch($properties, properties));
            """,
            "$id",
            "$name",
            "$properties");
        // Live keys (attributes that move) take the latest document's value: patched over the merge.
        MergeNodeLive = new Statement(
            connection,
            "UPDATE nodes SET name = coalesce(name, $name), properties = json_patch(json_patch($properties, properties), $live) WHERE id = $id;",
            "$id",
            "$name",
            "$properties",
            "$live");
        InsertClaim = new Statement(
            connection,
            "INSERT INTO claims (document_id, kind, vulnerability, subject_kind, subject_key, payload) VALUES ($document_id, $kind, $vulnerability, $subject_kind, $subject_key, $payload);",
            "$document_id",
            "$kind",
            "$vulnerability",
            "$subject_kind",
            "$subject_key",
            "$payload");

        InsertEdge = new Statement(
            connection,
            "INSERT INTO edges (kind, from_id, to_id, properties) VALUES ($kind, $from_id, $to_id, $properties) ON CONFLICT (kind, from_id, to_id) DO NOTHING;",
            "$kind",
            "$from_id",
            "$to_id",
            "$properties");
        InsertEdges = new Statement(
            connection,
            "INSERT INTO edges (kind, from_id, to_id, properties) VALUES "
                + string.Join(", ", Enumerable.Range(0, EdgesPerInsert).Select(i => $"($kind{i}, $from_id{i}, $to_id{i}, $properties{i})"))
                + " ON CONFLICT (kind, from_id, to_id) DO NOTHING;",
            [.. Enumerable.Range(0, EdgesPerInsert).SelectMany(i => new[] { $"$kind{i}", $"$from_id{i}", $"$to_id{i}", $"$properties{i}" })]);
        FindEdge = new Statement(
            connection,
            "SELECT id, 0, properties FROM edges WHERE kind = $kind AND from_id = $from_id AND to_id = $to_id;",
            "$kind",
            "$from_id",
            "$to_id");
        MergeEdge = new Statement(
            connection,
            "UPDATE edges SET properties = json_patch($properties, properties) WHERE id = $id AND properties <> json_patch($properties, properties);",
            "$id",
            "$properties");
    }

    public Statement InsertNode { get; }

    public Statement FindNode { get; }

    public Statement FindNodeById { get; }

    public Statement MergeNode { get; }

    public Statement MergeNodeLive { get; }

    public Statement InsertClaim { get; }

    public Statement InsertEdge { get; }

    /// <summary>
    /// Rows in one <see cref="InsertEdges"/>: a new image's own edges (~1,000 in a tier M SBOM, none of them stored yet)
    /// go in by this many a statement, so the statement's start and end (its cursors opened and closed) and the calls
    /// around each execution are paid once per 32 rows.
    /// </summary>
    public const int EdgesPerInsert = 32;

    /// <summary><see cref="InsertEdge"/> for <see cref="EdgesPerInsert"/> rows (parameters kind, from, to, properties per row).</summary>
    public Statement InsertEdges { get; }

    public Statement FindEdge { get; }

    public Statement MergeEdge { get; }

    public IEnumerable<Statement> All =>
        [InsertNode, FindNode, FindNodeById, MergeNode, MergeNodeLive, InsertClaim, InsertEdge, InsertEdges, FindEdge, MergeEdge];

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Dispose();
        }
    }
}
