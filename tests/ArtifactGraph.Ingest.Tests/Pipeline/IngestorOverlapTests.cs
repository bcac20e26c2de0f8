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
/// The one-by-one path with the read overlapped with the commit (<c>Ingestor.Overlap.cs</c>): the same rows and the
/// same index as reading first, for every format; a rejection or a writer failure anywhere commits nothing.
/// </summary>
public sealed class IngestorOverlapTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("artifactgraph-overlap-").FullName;
    private readonly DateTimeOffset _now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private int _stores;

    /// <summary>Every valid fixture of every format (relative to Fixtures/), expected-output files left out.</summary>
    public static TheoryData<string> ValidFixtures()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}valid{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void IngestFile_ValidFixture_SameRowsRawBytesAndIndexOverlappedOrNot(string fixture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);

        var (readFirst, readFirstRaw, _) = Snapshot(path, overlap: false);
        var (overlapped, overlappedRaw, loads) = Snapshot(path, overlap: true);

        Assert.Equal(readFirst, overlapped);
        Assert.Equal(readFirstRaw, overlappedRaw);
        Assert.Equal(0, loads);
    }

    [Fact]
    public void IngestFile_Overlapped_CommitsManyChunksAndAppliesThemWithoutReload()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "CycloneDx", "valid", "nested-components.json");
        using var store = new CountingStore(OpenSqlite());
        var index = new GraphIndexHolder();

        var report = Overlapping(store, [.. Readers.All], index).IngestFile(path);

        Assert.Equal(IngestOutcome.Ingested, report.Outcome);
        Assert.True(store.ChunksWritten > 3, $"{store.ChunksWritten} chunks");
        Assert.Equal(0, store.Loads);
        var reloaded = new GraphIndexHolder().LoadFrom(store);
        Assert.Equal(Lines(reloaded), Lines(index.Current));
    }

    [Fact]
    public void IngestFile_RejectedInALateChunk_NothingCommittedSameReport()
    {
        using var store = new CountingStore(OpenSqlite());
        var path = Write("late", "synthetic:30:reject");

        var report = Overlapping(store, [new SyntheticReader()]).IngestFile(path);

        Assert.Equal(IngestOutcome.Rejected, report.Outcome);
        Assert.Equal("/components/30", report.Location);
        Assert.Equal("rejected after 30 components", report.Reason);
        Assert.False(string.IsNullOrEmpty(report.Sha256));
        Assert.True(store.ChunksWritten >= 9, $"{store.ChunksWritten} chunks reached the writer before the rejection");
        AssertEmpty(store);
        Assert.Equal(IngestOutcome.Ingested, Overlapping(store, [new SyntheticReader()]).IngestFile(Write("after", "synthetic:30:ok")).Outcome);
    }

    [Fact]
    public void IngestFile_WriterFails_SurfacesStopsTheReaderAndCommitsNothing()
    {
        using var store = new CountingStore(OpenSqlite()) { FailChunk = 2 };
        var reader = new SyntheticReader();

        // 300 components in chunks of 3: the reader fills the bounded queue and waits, until it is stopped.
        var failure = Assert.Throws<InvalidOperationException>(() => Overlapping(store, [reader]).IngestFile(Write("fails", "synthetic:300:ok")));

        Assert.Equal("chunk 2 failed", failure.Message);
        Assert.True(reader.Ended, "the reader still ran after IngestFile returned");
        Assert.True(reader.Added < 300, $"the reader added all {reader.Added} components");
        AssertEmpty(store);
    }

    [Fact]
    public void IngestFile_Overlapped_ReadsOnAnotherThreadStoreCallsOnTheCaller()
    {
        using var store = new ThreadBoundStore(OpenSqlite());
        var reader = new SyntheticReader();

        var report = Overlapping(store, [reader]).IngestFile(Write("threads", "synthetic:50:ok"));

        Assert.Equal(IngestOutcome.Ingested, report.Outcome);
        Assert.Equal(51, report.Components);
        Assert.NotEqual(Environment.CurrentManagedThreadId, reader.Thread);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1 << 20)]
    public void IngestFile_SwitchedOffOrSmall_ReadsOnTheCallingThread(bool overlap, long minimumBytes)
    {
        using var store = OpenSqlite();
        var reader = new SyntheticReader();
        var ingestor = new Ingestor([reader], store, new IngestOptions { OverlapReadAndCommit = overlap, OverlapChunkRecords = 3 }, NullLogger<Ingestor>.Instance)
        {
            OverlapMinimumBytes = minimumBytes,
        };

        Assert.Equal(IngestOutcome.Ingested, ingestor.IngestFile(Write("inline", "synthetic:20:ok")).Outcome);
        Assert.Equal(Environment.CurrentManagedThreadId, reader.Thread);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteGraphStore OpenSqlite() =>
        SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, $"store{++_stores}.db") }, new FakeTimeProvider(_now));

    /// <summary>Overlap on for any size, chunks of 3 records, and the read always on the reader thread (never inline).</summary>
    private static Ingestor Overlapping(IGraphStore store, IReadOnlyList<IDocumentReader> readers, GraphIndexHolder? index = null) =>
        new(readers, store, new IngestOptions { OverlapReadAndCommit = true, OverlapChunkRecords = 3 }, NullLogger<Ingestor>.Instance, index)
        {
            OverlapMinimumBytes = 0,
            OverlapWaitsForThread = true,
        };

    private (List<string> Rows, byte[]? Raw, int Loads) Snapshot(string path, bool overlap)
    {
        using var store = new CountingStore(OpenSqlite());
        var index = new GraphIndexHolder();
        var ingestor = overlap
            ? Overlapping(store, [.. Readers.All], index)
            : new Ingestor(Readers.All, store, new IngestOptions { OverlapReadAndCommit = false }, NullLogger<Ingestor>.Instance, index);

        var report = ingestor.IngestFile(path);
        var loads = store.Loads;

        Assert.Equal(IngestOutcome.Ingested, report.Outcome);
        return (StoreSnapshot.Of(store, index.Current), store.GetRawDocument(report.Sha256!), loads);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void AssertEmpty(CountingStore store)
    {
        Assert.Empty(store.ListDocuments());
        Assert.All(store.GetStatistics().Nodes.Values, count => Assert.Equal(0, count));
        Assert.All(store.GetStatistics().Edges.Values, count => Assert.Equal(0, count));
    }

    private static List<string> Lines(GraphIndex index)
    {
        var lines = new List<string>();
        for (var n = 0; n < index.NodeCount; n++)
        {
            lines.Add($"node {index.RefOf(n)} {index.NameOf(n)}");
            var outgoing = index.Outgoing(n);
            for (var i = 0; i < outgoing.Count; i++)
            {
                lines.Add($"edge {index.RefOf(n)} -{outgoing.Kind(i)}-> {index.RefOf(outgoing.Target(i))}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>
    /// Reads "synthetic:COUNT:reject|ok": an image containing COUNT packages, each added with its edge (so they
    /// spill in chunks); "reject" rejects the document after the last one. Records its thread and how far it got.
    /// </summary>
    private sealed class SyntheticReader : IDocumentReader
    {
        public string Format => "Synthetic";

        public int Thread { get; private set; }

        public int Added { get; private set; }

        public bool Ended { get; private set; }

        public bool CanRead(DocumentInput input) => input.Content.Span.StartsWith("synthetic:"u8);

        public IngestBatch Read(DocumentInput input)
        {
            Thread = Environment.CurrentManagedThreadId;
            try
            {
                var parts = System.Text.Encoding.UTF8.GetString(input.Content.Span).Split(':');
                var count = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                var builder = input.NewBuilder();
                var image = builder.AddNode(new NodeRef(NodeKind.Image, $"sha256:{input.Sha256}"));
                for (Added = 0; Added < count; Added++)
                {
                    var package = builder.AddNode(new NodeRef(NodeKind.PackageVersion, $"pkg:generic/p{Added}@1"), $"p{Added}");
                    builder.AddEdge(EdgeKind.Contains, image, package);
                }

                if (parts[2] == "reject")
                {
                    throw new DocumentRejectedException($"/components/{count}", $"rejected after {count} components");
                }

                return builder.Build(new DocumentInfo { Sha256 = input.Sha256, Format = Format, Name = input.Name, Subject = image });
            }
            finally
            {
                Ended = true;
            }
        }
    }
}
