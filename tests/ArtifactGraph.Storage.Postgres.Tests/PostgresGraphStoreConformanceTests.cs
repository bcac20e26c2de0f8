using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Storage.Postgres.Tests;

/// <summary>
/// The storage conformance suite against PostgreSQL: one database for the class (dropped afterwards), and a
/// fresh schema per store, so every store starts empty. No test is skipped: the stores do not diverge.
/// </summary>
public sealed class PostgresGraphStoreConformanceTests(PostgresTestDatabase database) : GraphStoreConformanceTests, IClassFixture<PostgresTestDatabase>
{
    private readonly Dictionary<IGraphStore, string> _schemas = [];

    protected override IGraphStore CreateStore(TimeProvider time)
    {
        var schema = database.NewSchema();
        var store = PostgresGraphStore.Open(new PostgresStoreOptions { ConnectionString = database.ConnectionString, Schema = schema }, time);
        _schemas[store] = schema;
        return store;
    }

    protected override IReadOnlyDictionary<string, string> ReadNodeProperties(IGraphStore store, NodeRef node) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            database.Scalar<string>(_schemas[store], "SELECT properties::text FROM nodes WHERE kind = $1 AND key = $2;", (int)node.Kind, node.Key))!;

    protected override long ReadStoredRawSize(IGraphStore store, string sha256) =>
        database.Scalar<int>(_schemas[store], "SELECT octet_length(raw) FROM documents WHERE sha256 = $1;", sha256);
}
