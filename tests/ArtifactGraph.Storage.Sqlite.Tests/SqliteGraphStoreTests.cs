using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Conformance;
using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests;

public sealed class SqliteGraphStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public void Open_NewFile_CreatesFileInWalMode()
    {
        var path = _database.NewPath();

        using var store = TempDatabase.Open(path);

        Assert.Equal("wal", TempDatabase.Scalar<string>(path, "PRAGMA journal_mode;"));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Open_Twice_AppliesMigrationsOnce()
    {
        var path = _database.NewPath();
        TempDatabase.Open(path).Dispose();

        TempDatabase.Open(path).Dispose();

        var embedded = ArtifactGraph.Storage.Sqlite.Migrations.Migration.LoadEmbedded();
        Assert.Equal(embedded.Count, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM schema_migrations;"));
        Assert.Equal(embedded[^1].Version, TempDatabase.Scalar<long>(path, "SELECT max(version) FROM schema_migrations;"));
    }

    [Fact]
    public void Open_AppliedAt_ComesFromTimeProvider()
    {
        var path = _database.NewPath();
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));

        TempDatabase.Open(path, time).Dispose();

        Assert.Equal("2024-01-02T03:04:05.0000000+00:00", TempDatabase.Scalar<string>(path, "SELECT DISTINCT applied_at FROM schema_migrations;"));
    }

    [Fact]
    public void Open_SchemaNewerThanBuild_Throws()
    {
        var path = _database.NewPath();
        TempDatabase.Open(path).Dispose();
        TempDatabase.Scalar<long>(path, "INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'x') RETURNING version;");

        var error = Assert.Throws<InvalidOperationException>(() => TempDatabase.Open(path));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => SqliteGraphStore.Open(new SqliteStoreOptions { Path = " " }, TimeProvider.System));
    }

    [Theory]
    [InlineData(false, 1L)]
    [InlineData(true, 2L)]
    public void Open_SynchronousOption_SetsTheWriterConnection(bool full, long expected)
    {
        var path = _database.NewPath();
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, SynchronousFull = full }, new FakeTimeProvider());

        Assert.Equal(expected, store.WriterPragma("synchronous"));
        Assert.Equal(0L, store.WriterPragma("foreign_keys"));
    }

    /// <summary>With the checkpoint thread (the default) the writer's own automatic checkpoint is only a backstop, 4× further.</summary>
    [Theory]
    [InlineData(null, false, 10_000L)]
    [InlineData(SqliteStoreOptions.BulkWalAutocheckpointPages, false, 50_000L)]
    [InlineData(null, true, 40_000L)]
    [InlineData(SqliteStoreOptions.BulkWalAutocheckpointPages, true, 200_000L)]
    public void Open_WalAutocheckpointOption_SetsTheWriterConnection(int? pages, bool thread, long expected)
    {
        var options = new SqliteStoreOptions { Path = _database.NewPath(), CheckpointThread = thread };
        options.WalAutocheckpointPages = pages ?? options.WalAutocheckpointPages;
        using var store = SqliteGraphStore.Open(options, new FakeTimeProvider());

        Assert.Equal(expected, store.WriterPragma("wal_autocheckpoint"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Open_WalAutocheckpointNotPositive_Throws(int pages)
    {
        var options = new SqliteStoreOptions { Path = _database.NewPath(), WalAutocheckpointPages = pages };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SqliteGraphStore.Open(options, new FakeTimeProvider()));
        Assert.Equal(nameof(SqliteStoreOptions.WalAutocheckpointPages), error.ParamName);
    }

    [Fact]
    public void Open_ExistingFile_KeepsGraphAcrossReopen()
    {
        var path = _database.NewPath();
        var doc = TestDocument.Sbom("persisted", "app", ("left-pad", "1.3.0"));
        long sequence;
        using (var store = TempDatabase.Open(path))
        {
            sequence = store.Commit(doc.Batch, doc.Raw).Sequence;
        }

        using var reopened = TempDatabase.Open(path);

        Assert.True(reopened.ContainsDocument(doc.Sha256));
        Assert.Equal(sequence, reopened.ChangeSequence);
        Assert.Equal(doc.Raw, reopened.GetRawDocument(doc.Sha256));
        var sink = new RecordingLoadSink();
        reopened.Load(sink);
        Assert.Equal(doc.Batch.Nodes.Count, sink.Nodes.Count);
        Assert.True(reopened.Commit(doc.Batch, doc.Raw).AlreadyPresent);
    }

    [Fact]
    public void ContainsDocument_WhileADocumentIsBeingWritten_AnswersWhatIsCommittedOnEveryThread()
    {
        // Asked on the writer's connection when it is free, on a pooled one while a document is open (here or elsewhere):
        // either way the answer is what is committed, and asking never waits for the writer.
        using var store = TempDatabase.Open(_database.NewPath());
        var kept = TestDocument.Sbom("kept", "app", ("left-pad", "1.3.0"));
        var open = TestDocument.Sbom("open", "app2", ("is-odd", "3.0.1"));
        store.Commit(kept.Batch, kept.Raw);
        Assert.True(store.ContainsDocument(kept.Sha256));
        Assert.False(store.ContainsDocument(open.Sha256));

        using (var writer = store.BeginDocument(open.Sha256, open.Raw))
        {
            writer.Write(open.Batch.Nodes, open.Batch.Edges);
            Assert.True(store.ContainsDocument(kept.Sha256));
            Assert.False(store.ContainsDocument(open.Sha256));
            Assert.Equal((true, false), OnAnotherThread(() => (store.ContainsDocument(kept.Sha256), store.ContainsDocument(open.Sha256))));
            writer.Complete(open.Batch);
        }

        Assert.True(store.ContainsDocument(open.Sha256));
        Assert.True(OnAnotherThread(() => store.ContainsDocument(open.Sha256)));
    }

    /// <summary>Runs <paramref name="ask"/> on a thread of its own (the write lock belongs to a thread); fails if it waits.</summary>
    private static T OnAnotherThread<T>(Func<T> ask)
    {
        T answer = default!;
        var thread = new Thread(() => answer = ask());
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), "the question waited for the open document");
        return answer;
    }

    [Theory]
    [InlineData(nameof(CommitStage.Begun))]
    [InlineData(nameof(CommitStage.NodesWritten))]
    [InlineData(nameof(CommitStage.EdgesWritten))]
    [InlineData(nameof(CommitStage.DocumentWritten))]
    public void Commit_FaultAtStage_RollsBackEveryTable(string stageName)
    {
        var stage = Enum.Parse<CommitStage>(stageName);
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var kept = TestDocument.Sbom("kept", "app", ("left-pad", "1.3.0"));
        store.Commit(kept.Batch, kept.Raw);
        var before = CountRows(path);
        var failing = TestDocument.Sbom("failing", "other", ("left-pad", "1.3.0"), ("lodash", "4.17.21"));
        store.FaultInjection = s =>
        {
            if (s == stage)
            {
                throw new InvalidOperationException("injected");
            }
        };

        var error = Assert.Throws<InvalidOperationException>(() => store.Commit(failing.Batch, failing.Raw));

        Assert.Equal("injected", error.Message);
        Assert.Equal(before, CountRows(path));
        store.FaultInjection = null;
        var result = store.Commit(failing.Batch, failing.Raw);
        Assert.False(result.AlreadyPresent);
        Assert.Equal(3, result.NodesAdded);
    }

    [Fact]
    public void Commit_AfterRolledBackDocument_RowCacheForgetsTheRolledBackRows()
    {
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var kept = TestDocument.Sbom("kept", "app", ("left-pad", "1.3.0"));
        store.Commit(kept.Batch, kept.Raw);
        var failing = TestDocument.Sbom("failing", "app", ("left-pad", "1.3.0"), ("lodash", "4.17.21"));
        store.FaultInjection = s =>
        {
            if (s == CommitStage.EdgesWritten)
            {
                throw new InvalidOperationException("injected");
            }
        };
        Assert.Throws<InvalidOperationException>(() => store.Commit(failing.Batch, failing.Raw));
        store.FaultInjection = null;

        // A different document naming the rolled-back node and edge: both must be inserted again, not
        // taken from a cache that still remembers the rolled-back ids.
        var later = TestDocument.Sbom("later", "app", ("lodash", "4.17.21"));
        var result = store.Commit(later.Batch, later.Raw);

        Assert.Equal(2, result.NodesAdded); // lodash and the new Document node
        Assert.Equal(2, result.EdgesAdded); // app -> lodash and DESCRIBES
        var sink = new RecordingLoadSink();
        store.Load(sink);
        Assert.Contains(sink.Nodes.Values, n => n.Key == TestDocument.Version("lodash", "4.17.21").Key);
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM pragma_foreign_key_check;"));
    }

    [Fact]
    public void Commit_KnownRowsAfterReopen_MergeThroughTheStoredRow()
    {
        var path = _database.NewPath();
        var dep = TestDocument.Version("dep", "1.0.0");
        var app = TestDocument.Version("app", "1.0.0");
        var first = TestDocument.Create("first", b => b.AddEdge(EdgeKind.DependsOn, b.AddNode(app), b.AddNode(dep, "first-name", [new("a", "1")]), [new("scope", "runtime")]));
        var second = TestDocument.Create("second", b => b.AddEdge(EdgeKind.DependsOn, b.AddNode(app, "app"), b.AddNode(dep, "second-name", [new("a", "2"), new("b", "2")]), [new("scope", "dev"), new("x", "1")]));
        using (var store = TempDatabase.Open(path))
        {
            store.Commit(first.Batch, first.Raw);
        }

        // A new store instance starts with an empty row cache: the rows are found by lookup and merged.
        using var reopened = TempDatabase.Open(path);
        var result = reopened.Commit(second.Batch, second.Raw);

        Assert.Equal(1, result.NodesAdded); // only the second Document node
        Assert.Equal("""{"a":"1","b":"2"}""", TempDatabase.Scalar<string>(path, $"SELECT properties FROM nodes WHERE key = '{dep.Key}';"));
        Assert.Equal("first-name", TempDatabase.Scalar<string>(path, $"SELECT name FROM nodes WHERE key = '{dep.Key}';"));
        Assert.Equal("app", TempDatabase.Scalar<string>(path, $"SELECT name FROM nodes WHERE key = '{app.Key}';"));
        Assert.Equal("""{"scope":"runtime","x":"1"}""", TempDatabase.Scalar<string>(path, $"SELECT properties FROM edges WHERE kind = {(int)EdgeKind.DependsOn};"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    [InlineData(250_000, 1_000_000)]
    public void Commit_AnyRowCacheCapacity_StoresTheSameGraph(int nodeCapacity, int edgeCapacity)
    {
        var path = _database.NewPath();
        using var store = SqliteGraphStore.Open(
            new SqliteStoreOptions { Path = path, NodeCacheCapacity = nodeCapacity, EdgeCacheCapacity = edgeCapacity },
            new FakeTimeProvider());
        var results = new List<(int, int)>();
        foreach (var (content, deps) in new[] { ("one", new[] { "a", "b", "c" }), ("two", ["b", "c", "d", "e"]), ("three", ["a", "e", "f"]) })
        {
            var doc = TestDocument.Sbom(content, "app", [.. deps.Select(d => (d, "1.0.0"))]);
            var result = store.Commit(doc.Batch, doc.Raw);
            results.Add((result.NodesAdded, result.EdgesAdded));
        }

        // Each document adds its Document node and DESCRIBES edge besides its new packages.
        Assert.Equal([(5, 4), (3, 3), (2, 2)], results);
        Assert.Equal(10L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM nodes;"));
        Assert.Equal(9L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM edges;"));
        Assert.Equal(16L, TempDatabase.Scalar<long>(path, "SELECT sum(node_count) FROM document_rows;"));
        Assert.Equal(0L, TempDatabase.Scalar<long>(path, "SELECT count(*) FROM pragma_foreign_key_check;"));
    }

    [Fact]
    public void BeginDocument_NoRowCache_EdgeInLaterChunkFindsNodeOfEarlierChunk()
    {
        // The writer keeps only the current chunk's ids; with no cache, an edge naming a node of an earlier
        // chunk must find it in the table, inside the same transaction.
        var path = _database.NewPath();
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, NodeCacheCapacity = 0, EdgeCacheCapacity = 0 }, new FakeTimeProvider());
        var none = new Dictionary<string, string>();
        var a = new NodeRecord(TestDocument.Version("a", "1"), "a", none);
        var b = new NodeRecord(TestDocument.Version("b", "1"), "b", none);
        var doc = TestDocument.Sbom("chunks", "app", ("c", "1"));
        using (var writer = store.BeginDocument(doc.Sha256, doc.Raw))
        {
            writer.Write([a, b], []);
            writer.Write([], [new EdgeRecord(EdgeKind.DependsOn, a.Ref, b.Ref, none)]);
            writer.Complete(doc.Batch);
        }

        Assert.Equal(1L, TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM edges WHERE kind = {(int)EdgeKind.DependsOn} AND from_id = (SELECT id FROM nodes WHERE key = '{a.Key}');"));
    }

    [Fact]
    public void Commit_EdgeWithProperties_MergesPropertiesOnSecondAssertion()
    {
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var app = TestDocument.Version("app", "1.0.0");
        var dep = TestDocument.Version("dep", "1.0.0");
        var first = TestDocument.Create("first", b => b.AddEdge(EdgeKind.DependsOn, b.AddNode(app), b.AddNode(dep), [new("scope", "runtime")]));
        var second = TestDocument.Create("second", b => b.AddEdge(EdgeKind.DependsOn, b.AddNode(app), b.AddNode(dep), [new("scope", "dev"), new("cdx:ref", "r1")]));
        store.Commit(first.Batch, first.Raw);

        store.Commit(second.Batch, second.Raw);

        Assert.Equal(
            """{"cdx:ref":"r1","scope":"runtime"}""",
            TempDatabase.Scalar<string>(path, $"SELECT properties FROM edges WHERE kind = {(int)EdgeKind.DependsOn};"));
        Assert.Equal(2, store.GetEdgeDocuments(EdgeKind.DependsOn, app, dep).Count);
    }

    [Fact]
    public void Commit_Document_StoresSubjectCreatedAtAndProperties()
    {
        var path = _database.NewPath();
        using var store = TempDatabase.Open(path);
        var app = TestDocument.Version("app", "1.0.0");
        var doc = TestDocument.Create("doc", b => b.AddNode(app, "app"), app, new DateTimeOffset(2023, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)));

        store.Commit(doc.Batch, doc.Raw);

        using var connection = TempDatabase.Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT subject_kind, subject_key, created_at, properties, spec_version, byte_size, raw_encoding FROM documents;";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((long)NodeKind.PackageVersion, reader.GetInt64(0));
        Assert.Equal(app.Key, reader.GetString(1));
        Assert.Equal("2023-05-06T07:08:09.0000000+02:00", reader.GetString(2));
        Assert.Equal("""{"test:origin":"conformance"}""", reader.GetString(3));
        Assert.Equal("1.0", reader.GetString(4));
        Assert.Equal(doc.Raw.Length, reader.GetInt64(5));
    }

    [Fact]
    public void Dispose_AfterUse_ReleasesTheFile()
    {
        var path = _database.NewPath();
        var store = TempDatabase.Open(path);
        var doc = TestDocument.Sbom("a", "app");
        store.Commit(doc.Batch, doc.Raw);
        store.ListDocuments();

        store.Dispose();

        File.Delete(path);
        Assert.False(File.Exists(path));
        Assert.Throws<ObjectDisposedException>(() => store.ListDocuments());
    }

    public void Dispose() => _database.Dispose();

    private static string CountRows(string path) =>
        string.Join(
            ",",
            new[] { "documents", "nodes", "edges", "node_document_blocks", "edge_document_blocks", "provenance_segments", "document_rows", "changes" }
                .Select(t => $"{t}={TempDatabase.Scalar<long>(path, $"SELECT count(*) FROM {t};")}"));
}
