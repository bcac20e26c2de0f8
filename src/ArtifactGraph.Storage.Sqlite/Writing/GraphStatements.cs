using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// The per-row statements of a commit. Inserts use ON CONFLICT DO NOTHING so a new row costs one
/// statement and an existing row changes nothing (then it is looked up and merged). Only the
/// uniqueness conflict is ignored: NOT NULL violations still fail the commit. Foreign keys are not enforced
/// on the writer connection (see SqliteConnections.ConfigureWriter): the ids bound are the writer's own.
/// </summary>
internal sealed class GraphStatements : IDisposable
{
    public GraphStatements(SqliteConnection connection)
    {
        InsertNode = new Statement(
            connection,
            "INSERT INTO nodes (kind, key, name, properties) VALUES ($kind, $key, $name, $properties) ON CONFLICT (kind, key) DO NOTHING;",
            "$kind",
            "$key",
            "$name",
            "$properties");
        FindNode = new Statement(
            connection,
            "SELECT id, name IS NOT NULL, properties FROM nodes WHERE kind = $kind AND key = $key;",
            "$kind",
            "$key");

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

    public Statement MergeNode { get; }

    public Statement MergeNodeLive { get; }

    public Statement InsertClaim { get; }

    public Statement InsertEdge { get; }

    public Statement FindEdge { get; }

    public Statement MergeEdge { get; }

    public IEnumerable<Statement> All =>
        [InsertNode, FindNode, MergeNode, MergeNodeLive, InsertClaim, InsertEdge, FindEdge, MergeEdge];

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Dispose();
        }
    }
}
