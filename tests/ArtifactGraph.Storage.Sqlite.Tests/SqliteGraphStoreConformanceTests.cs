using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Conformance;

namespace ArtifactGraph.Storage.Sqlite.Tests;

/// <summary>
/// The storage conformance suite against a fresh temporary database file per store. By default provenance
/// stays staged (one row per document) for the whole of each test, so reads answer from the staged lists.
/// </summary>
public class SqliteGraphStoreConformanceTests : GraphStoreConformanceTests
{
    private readonly TempDatabase _database = new();
    private readonly Dictionary<IGraphStore, string> _paths = [];

    protected override IGraphStore CreateStore(TimeProvider time)
    {
        var path = _database.NewPath();
        var store = SqliteGraphStore.Open(Options(path), time);
        _paths[store] = path;
        return store;
    }

    protected virtual SqliteStoreOptions Options(string path) => new() { Path = path };

    protected override IReadOnlyDictionary<string, string> ReadNodeProperties(IGraphStore store, NodeRef node)
    {
        using var connection = TempDatabase.Connect(_paths[store]);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT properties FROM nodes WHERE kind = $kind AND key = $key;";
        command.Parameters.AddWithValue("$kind", (long)node.Kind);
        command.Parameters.AddWithValue("$key", node.Key);
        return JsonSerializer.Deserialize<Dictionary<string, string>>((string)command.ExecuteScalar()!)!;
    }

    protected override long ReadStoredRawSize(IGraphStore store, string sha256)
    {
        using var connection = TempDatabase.Connect(_paths[store]);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(raw) FROM documents WHERE sha256 = $sha256;";
        command.Parameters.AddWithValue("$sha256", sha256);
        return (long)command.ExecuteScalar()!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}

/// <summary>The same suite with the staged provenance merged after every document: reads answer from the index.</summary>
public sealed class SqliteGraphStoreMergedConformanceTests : SqliteGraphStoreConformanceTests
{
    protected override SqliteStoreOptions Options(string path) => new() { Path = path, ProvenanceMergeIds = 0 };
}
