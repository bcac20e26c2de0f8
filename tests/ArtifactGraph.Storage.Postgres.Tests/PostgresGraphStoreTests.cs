using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static ArtifactGraph.Storage.Conformance.TestDocument;

namespace ArtifactGraph.Storage.Postgres.Tests;

/// <summary>What only the PostgreSQL store has: migrations under a lock, a schema per store, several processes.</summary>
public sealed class PostgresGraphStoreTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    /// <summary>Every script in graph-schema/sql/postgres is one migration.</summary>
    private static long MigrationCount => Directory.GetFiles(Path.Combine(ArtifactGraph.TestSupport.Corpus.RepositoryRoot, "graph-schema", "sql", "postgres"), "*.sql").Length;

    private PostgresGraphStore Open(string schema, TimeProvider? time = null) =>
        PostgresGraphStore.Open(new PostgresStoreOptions { ConnectionString = database.ConnectionString, Schema = schema }, time ?? new FakeTimeProvider());

    [Fact]
    public void Open_Twice_AppliesEachMigrationOnce()
    {
        var schema = database.NewSchema();
        using (Open(schema))
        {
        }

        using var again = Open(schema);

        Assert.Equal(MigrationCount, database.Scalar<long>(schema, "SELECT count(*) FROM schema_migrations;"));
        Assert.Equal(0, again.ChangeSequence);
    }

    [Fact]
    public void Open_ConcurrentlyOnNewSchema_MigratesOnceAndBothWork()
    {
        var schema = database.NewSchema();

        var stores = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ => Open(schema)).ToList();

        try
        {
            Assert.Equal(MigrationCount, database.Scalar<long>(schema, "SELECT count(*) FROM schema_migrations;"));
            var doc = Sbom("concurrent-open", "app", ("left-pad", "1.3.0"));
            Assert.False(stores[0].Commit(doc.Batch, doc.Raw).AlreadyPresent);
            Assert.True(stores[3].Commit(doc.Batch, doc.Raw).AlreadyPresent);
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Open_SchemaNewerThanBuild_Throws()
    {
        var schema = database.NewSchema();
        using (Open(schema))
        {
        }

        database.Scalar<int?>(schema, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', now());");

        var error = Assert.Throws<InvalidOperationException>(() => Open(schema));
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Two stores on one schema stand for two processes (a server and a CLI): writes serialize, sequences interleave.</summary>
    [Fact]
    public void Commit_TwoStoresOnOneSchema_SequenceIncreasesAcrossBothAndEachSeesTheOther()
    {
        var schema = database.NewSchema();
        using var first = Open(schema);
        using var second = Open(schema);

        var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(2).Select(i =>
        {
            var doc = Sbom($"two-writers-{i}", "app", ("shared", "1.0.0"), ($"dep{i}", "1.0.0"));
            return (i % 2 == 0 ? first : second).Commit(doc.Batch, doc.Raw);
        }).ToList();

        Assert.Equal(8, results.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(results.Max(r => r.Sequence), first.ChangeSequence);
        Assert.Equal(8, second.ListDocuments().Count);
        // The shared dependency edge is stored once, asserted by all eight documents.
        Assert.Equal(8, first.GetEdgeDocuments(EdgeKind.DependsOn, Version("app", "1.0.0"), Version("shared", "1.0.0")).Count);
        Assert.Equal(9, second.GetStatistics().Edges[EdgeKind.DependsOn]);
    }

    [Fact]
    public void BeginDocument_SecondOnSameThreadWhileFirstOpen_ThrowsInsteadOfDeadlocking()
    {
        using var store = Open(database.NewSchema());
        var doc = Sbom("nested", "app");
        using var writer = store.BeginDocument(doc.Sha256, doc.Raw);

        Assert.Throws<InvalidOperationException>(() => store.BeginDocument(doc.Sha256, doc.Raw));
    }

    [Fact]
    public void Open_UnreachableServer_ThrowsWithoutLeavingAPool()
    {
        var options = new PostgresStoreOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=2" };

        Assert.ThrowsAny<Exception>(() => PostgresGraphStore.Open(options, TimeProvider.System));
    }
}
