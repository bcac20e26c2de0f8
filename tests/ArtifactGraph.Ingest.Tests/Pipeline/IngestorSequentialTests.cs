using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

/// <summary>
/// The one-by-one path (<see cref="Ingestor.IngestFile"/>): a document under the large-document threshold is read
/// while its raw bytes are encoded beside it and commits afterwards; a large one streams into its open transaction.
/// Both must store exactly the same thing.
/// </summary>
public sealed class IngestorSequentialTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("artifactgraph-sequential-").FullName;
    private readonly DateTimeOffset _now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private int _stores;

    public static TheoryData<string> CycloneDxFixtures() =>
        [.. Directory.EnumerateFiles(FixtureFolder("valid"), "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void IngestFile_SmallDocument_ReadBeforeItsTransactionOpens()
    {
        var events = new List<string>();
        var path = Path.Combine(_directory, "small");
        File.WriteAllText(path, "order:small");

        var report = Ingest(events, path, largeDocument: Ingestor.LargeDocumentBytes);

        Assert.Equal(IngestOutcome.Ingested, report.Outcome);
        Assert.Equal(["read small", "begin", "complete"], events);
    }

    [Fact]
    public void IngestFile_LargeDocument_ReadInsideItsTransaction()
    {
        var events = new List<string>();
        var path = Path.Combine(_directory, "large");
        File.WriteAllText(path, "order:large" + new string(' ', 200));

        var report = Ingest(events, path, largeDocument: 100);

        Assert.Equal(IngestOutcome.Ingested, report.Outcome);
        Assert.Equal(["begin", "read large", "complete"], events);
    }

    [Theory]
    [MemberData(nameof(CycloneDxFixtures))]
    public void IngestFile_SmallOrLargeOrSpilling_SameStoreAndRawBytes(string fixture)
    {
        var path = Path.Combine(FixtureFolder("valid"), fixture);

        var small = Snapshot(path, Ingestor.LargeDocumentBytes, IngestBatchBuilder.DefaultSpillThreshold);
        var spilling = Snapshot(path, Ingestor.LargeDocumentBytes, 3);
        var streamed = Snapshot(path, 0, 3);

        Assert.Equal(small, spilling);
        Assert.Equal(small, streamed);
    }

    [Fact]
    public void IngestFile_SmallDocumentRejected_NothingStored()
    {
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = NewDatabase() }, new FakeTimeProvider(_now));
        var ingestor = new Ingestor(Readers.All, store, new IngestOptions(), NullLogger<Ingestor>.Instance);

        var report = ingestor.IngestFile(Path.Combine(FixtureFolder("invalid"), "components-not-array.json"));

        Assert.Equal(IngestOutcome.Rejected, report.Outcome);
        Assert.Empty(store.ListDocuments());
        Assert.Equal(0, store.GetStatistics().Documents);
        Assert.All(store.GetStatistics().Nodes.Values, count => Assert.Equal(0, count));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string FixtureFolder(string validity) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "CycloneDx", validity);

    private string NewDatabase() => Path.Combine(_directory, $"store{++_stores}.db");

    private IngestReport Ingest(List<string> events, string path, long largeDocument)
    {
        using var store = new RecordingStore(SqliteGraphStore.Open(new SqliteStoreOptions { Path = NewDatabase() }, new FakeTimeProvider(_now)), events);
        var ingestor = new Ingestor([new OrderReader(events)], store, new IngestOptions(), NullLogger<Ingestor>.Instance) { LargeDocumentThreshold = largeDocument };
        return ingestor.IngestFile(path);
    }

    private List<string> Snapshot(string path, long largeDocument, int spill)
    {
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = NewDatabase() }, new FakeTimeProvider(_now));
        var index = new GraphIndexHolder();
        var ingestor = new Ingestor(Readers.All, store, new IngestOptions(), NullLogger<Ingestor>.Instance, index)
        {
            LargeDocumentThreshold = largeDocument,
            SpillThreshold = spill,
        };

        var report = ingestor.IngestFile(path);
        Assert.Equal(IngestOutcome.Ingested, report.Outcome);
        Assert.Equal(File.ReadAllBytes(path), store.GetRawDocument(report.Sha256!));
        return StoreSnapshot.Of(store, index.Current);
    }

    /// <summary>Reads "order:NAME" documents into one package node, logging the read.</summary>
    private sealed class OrderReader(List<string> events) : IDocumentReader
    {
        public string Format => "Order";

        public bool CanRead(DocumentInput input) => input.Content.Span.StartsWith("order:"u8);

        public IngestBatch Read(DocumentInput input)
        {
            events.Add($"read {input.Name}");
            var builder = input.NewBuilder();
            builder.AddNode(new NodeRef(NodeKind.Package, $"pkg:generic/{input.Name}"));
            return builder.Build(new DocumentInfo { Sha256 = input.Sha256, Format = Format, Name = input.Name });
        }
    }

    /// <summary>Logs when a document's transaction opens and when it completes.</summary>
    private sealed class RecordingStore(IGraphStore inner, List<string> events) : IGraphStore
    {
        public long ChangeSequence => inner.ChangeSequence;

        public IDocumentWriter BeginDocument(string sha256, ReadOnlyMemory<byte> rawBytes) => Begin(() => inner.BeginDocument(sha256, rawBytes));

        public IDocumentWriter BeginDocument(string sha256, RawDocument raw) => Begin(() => inner.BeginDocument(sha256, raw));

        public bool ContainsDocument(string sha256) => inner.ContainsDocument(sha256);

        public void Load(IGraphLoadSink sink, DateTimeOffset? asOf = null) => inner.Load(sink, asOf);

        public IReadOnlyList<StoredClaim> LoadClaims(DateTimeOffset? asOf = null) => inner.LoadClaims(asOf);

        public IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> GetNodeProperties(IReadOnlyCollection<NodeRef> nodes) => inner.GetNodeProperties(nodes);

        public IReadOnlyList<DocumentSummary> GetEdgeDocuments(EdgeKind kind, NodeRef from, NodeRef to) => inner.GetEdgeDocuments(kind, from, to);

        public IReadOnlyList<DocumentSummary> ListDocuments() => inner.ListDocuments();

        public byte[]? GetRawDocument(string sha256) => inner.GetRawDocument(sha256);

        public StoreStatistics GetStatistics() => inner.GetStatistics();

        public void Dispose() => inner.Dispose();

        private RecordingWriter Begin(Func<IDocumentWriter> begin)
        {
            events.Add("begin");
            return new RecordingWriter(begin(), events);
        }
    }

    private sealed class RecordingWriter(IDocumentWriter inner, List<string> events) : IDocumentWriter
    {
        public bool AlreadyPresent => inner.AlreadyPresent;

        public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges) => inner.Write(nodes, edges);

        public CommitResult Complete(IngestBatch batch)
        {
            events.Add("complete");
            return inner.Complete(batch);
        }

        public void Dispose() => inner.Dispose();
    }
}
