using System.Buffers;
using System.IO.Compression;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

public sealed class IngestorReadAheadTests : IDisposable
{
    private const string Valid = "CycloneDx/valid/nested-components.json";

    private readonly string _directory = Directory.CreateTempSubdirectory("artifactgraph-readahead-").FullName;
    private readonly DateTimeOffset _now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private int _stores;

    /// <summary>
    /// Default thresholds; a lowered large-document threshold (files of 700 bytes and more stream into their
    /// transaction, unpipelined); a spill threshold of 3 records (every document reaches the store in chunks).
    /// </summary>
    public static TheoryData<long, int> Thresholds() => new()
    {
        { Ingestor.LargeDocumentBytes, IngestBatchBuilder.DefaultSpillThreshold },
        { 700, IngestBatchBuilder.DefaultSpillThreshold },
        { Ingestor.LargeDocumentBytes, 3 },
    };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void IngestFiles_MixedFolder_SameReportsStoreAndIndexAsOneByOne(long largeDocument, int spill)
    {
        var inputs = MixedInputs();

        var (oneByOne, oneByOneState) = Run(inputs, largeDocument, spill, (ingestor, files) => files.Select(ingestor.IngestFile).ToList());
        var buffers = new CountingPool();
        var (readAhead, readAheadState) = Run(inputs, largeDocument, spill, (ingestor, files) => ingestor.IngestFiles(files), buffers);

        Assert.Equal(oneByOne.Select(Describe), readAhead.Select(Describe));
        Assert.Equal(oneByOneState, readAheadState);

        // Files were read into pooled arrays, longer than asked and holding stale bytes, and each went back once.
        Assert.True(buffers.Rented > 50);
        Assert.Equal(0, buffers.Outstanding);

        // The mix holds what it is meant to: every outcome, rejections before and after the hash, and reloads.
        Assert.Contains(oneByOne, r => r.Outcome == IngestOutcome.Unchanged);
        Assert.Contains(oneByOne, r => r.Outcome == IngestOutcome.Rejected && r.Sha256 is null);
        Assert.Contains(oneByOne, r => r.Outcome == IngestOutcome.Rejected && r.Sha256 == string.Empty);
        Assert.Contains(oneByOne, r => r.Outcome == IngestOutcome.Rejected && !string.IsNullOrEmpty(r.Sha256));
        Assert.True(oneByOne.Count(r => r.Outcome == IngestOutcome.Ingested) > 50);
        Assert.True(largeDocument == Ingestor.LargeDocumentBytes || oneByOne.Any(r => r.Outcome == IngestOutcome.Ingested && r.Bytes >= largeDocument));
        Assert.Contains(oneByOne, r => r.Format == "CycloneDX-JSON" && r.Source.EndsWith(".gz", StringComparison.Ordinal));
    }

    [Fact]
    public void IngestFiles_StoreCalls_AllOnTheCallersThread()
    {
        // ThreadBoundStore fails any call from the read-ahead worker; the run must still report every file.
        var (reports, _) = Run(MixedInputs(), Ingestor.LargeDocumentBytes, IngestBatchBuilder.DefaultSpillThreshold, (ingestor, files) => ingestor.IngestFiles(files));

        Assert.Equal(2 * MixedInputs().Count, reports.Count);
    }

    [Fact]
    public void IngestFiles_ReaderFailsUnexpectedly_ThrowsInOrderAfterEarlierCommits()
    {
        var boom = Path.Combine(_directory, "boom.txt");
        File.WriteAllText(boom, "boom");
        var first = Fixture(Valid);
        var last = Fixture("Spdx3/valid/app-sbom.json");
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, "boom.db") }, new FakeTimeProvider(_now));
        var buffers = new CountingPool();
        var ingestor = new Ingestor([new ThrowingReader(), .. Readers.All], store, new IngestOptions(), NullLogger<Ingestor>.Instance) { ReadBuffers = buffers };
        var reported = new List<IngestReport>();

        Assert.Throws<InvalidOperationException>(() => ingestor.IngestFiles([first, boom, last], reported.Add));

        Assert.Equal([first], reported.Select(r => r.Source));
        Assert.Single(store.ListDocuments());
        Assert.Equal(3, buffers.Rented);
        Assert.Equal(0, buffers.Outstanding);
    }

    [Theory]
    [InlineData(1, long.MaxValue)]
    [InlineData(3, long.MaxValue)]
    [InlineData(8, 0L)]
    public void IngestFiles_ManyDocuments_ReadsWithinTheBudgetAheadAndNothingBesideALargeOne(int documents, long bytes)
    {
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var names = Enumerable.Range(0, 9).Select(i => i == 4 ? "large" : $"small{i}").ToList();
        var paths = names.Select(name =>
        {
            var path = Path.Combine(_directory, name);
            File.WriteAllText(path, $"order:{name}" + (name == "large" ? new string(' ', 200) : string.Empty));
            return path;
        }).ToList();
        using var store = new ThreadBoundStore(SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, "order.db") }, new FakeTimeProvider(_now)));
        var options = new IngestOptions { ReadAheadDocuments = documents, ReadAheadBytes = bytes };
        var ingestor = new Ingestor([new OrderReader(events)], store, options, NullLogger<Ingestor>.Instance) { LargeDocumentThreshold = 100 };

        var reports = ingestor.IngestFiles(paths, r => events.Enqueue($"done {Path.GetFileName(r.Source)}"));

        Assert.All(reports, r => Assert.Equal(IngestOutcome.Ingested, r.Outcome));
        var log = events.ToList();
        Assert.Equal(names.Select(n => $"read {n}"), log.Where(e => e.StartsWith("read", StringComparison.Ordinal)));

        // With a byte budget of 0 one document is still read ahead.
        var ahead = bytes == 0 ? 1 : documents;
        for (var k = 0; k + ahead + 1 < names.Count; k++)
        {
            // Document k+ahead+1 is read only once k is committed: `ahead` batches ahead at most.
            Assert.True(log.IndexOf($"read {names[k + ahead + 1]}") > log.IndexOf($"done {names[k]}"), string.Join(", ", log));
        }

        // The large document is read inside its transaction with nothing read beside it or before it past it.
        var large = log.IndexOf("read large");
        Assert.Equal(log.IndexOf("done large") - 1, large);
        Assert.Equal($"done {names[3]}", log[large - 1]);

        // Documents the store already holds are Unchanged without being read, as one by one.
        events.Clear();
        Assert.All(ingestor.IngestFiles(paths), r => Assert.Equal(IngestOutcome.Unchanged, r.Outcome));
        Assert.DoesNotContain(events, e => e.StartsWith("read", StringComparison.Ordinal));
    }

    [Fact]
    public void IngestFiles_DeepReadAhead_ReaderIsNotHeldUpByOneSlowCommit()
    {
        // Every read starts before the first commit ends when the first commit is slow and the budget holds them all.
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var names = Enumerable.Range(0, 5).Select(i => $"doc{i}").ToList();
        var paths = names.Select(name =>
        {
            var path = Path.Combine(_directory, name);
            File.WriteAllText(path, $"order:{name}");
            return path;
        }).ToList();
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, "deep.db") }, new FakeTimeProvider(_now));
        var ingestor = new Ingestor([new OrderReader(events)], store, new IngestOptions { ReadAheadDocuments = 8 }, NullLogger<Ingestor>.Instance);

        ingestor.IngestFiles(paths, r =>
        {
            if (r.Source == paths[0])
            {
                // Stands for a long commit: the reports callback runs on the committing thread.
                SpinWait.SpinUntil(() => events.Count(e => e.StartsWith("read", StringComparison.Ordinal)) == names.Count, TimeSpan.FromSeconds(10));
            }

            events.Enqueue($"done {Path.GetFileName(r.Source)}");
        });

        var log = events.ToList();
        Assert.True(log.IndexOf($"read {names[^1]}") < log.IndexOf($"done {names[0]}"), string.Join(", ", log));
    }

    [Fact]
    public void IngestFiles_ReaderSlowerThanCommits_CommitsEncodeTheRawBytes()
    {
        // Each read takes 100 ms and each commit a few: the committing thread waits for every read, so it encodes the
        // raw bytes of the documents read from then on; the stored bytes are the files' either way.
        var paths = OrderFiles("slow", 8);
        using var store = WarmStore("slow-reader.db");
        var encodedOnCommit = new List<string>();
        var ingestor = new Ingestor([new PacedReader()], store, new IngestOptions(), NullLogger<Ingestor>.Instance) { EncodedOnCommit = encodedOnCommit.Add };

        Assert.All(ingestor.IngestFiles(paths), r => Assert.Equal(IngestOutcome.Ingested, r.Outcome));

        Assert.Subset(encodedOnCommit.ToHashSet(), paths[^3..].ToHashSet());
        AssertRawStored(store, paths);
    }

    [Fact]
    public void IngestFiles_ReaderAheadAgain_ReaderEncodesAgain()
    {
        // Six slow reads (the commits catch up and wait, so they encode), then instant reads while each commit's report
        // takes 150 ms on the committing thread: once two documents are read and waiting, the reader encodes again, so
        // the last documents, read after that, reach the commits encoded. Sixteen fast ones, so the last two are read
        // eight reports (over a second) after the switch: with ten, the second to last was read at the switch itself, and
        // a reader thread starved by other work (a build finishing beside the tests) could still find it pending.
        var paths = OrderFiles("slow", 6).Concat(OrderFiles("fast", 16)).ToList();
        using var store = WarmStore("reader-ahead.db");
        var encodedOnCommit = new List<string>();
        var ingestor = new Ingestor([new PacedReader()], store, new IngestOptions { ReadAheadDocuments = 8 }, NullLogger<Ingestor>.Instance) { EncodedOnCommit = encodedOnCommit.Add };

        var reports = ingestor.IngestFiles(paths, r =>
        {
            if (Path.GetFileName(r.Source).StartsWith("fast", StringComparison.Ordinal))
            {
                Thread.Sleep(150);
            }
        });

        Assert.All(reports, r => Assert.Equal(IngestOutcome.Ingested, r.Outcome));
        Assert.Subset(encodedOnCommit.ToHashSet(), paths[4..6].ToHashSet());
        Assert.DoesNotContain(paths[^1], encodedOnCommit);
        Assert.DoesNotContain(paths[^2], encodedOnCommit);
        AssertRawStored(store, paths);
    }

    [Fact]
    public void IngestFiles_DocumentStoredElsewhereAfterItWasReadAhead_UnchangedAndStoredOnce()
    {
        // When the first document's report comes, the others were loaded and found new, and are read ahead; another
        // writer on the same file then stores the third. Its commit must find it there: reported Unchanged, stored once.
        var files = OrderFiles("race", 4);
        using var store = WarmStore("race.db");
        using var other = SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, "race.db") }, new FakeTimeProvider(_now));
        var elsewhere = new Ingestor([new PacedReader()], other, new IngestOptions(), NullLogger<Ingestor>.Instance);
        var ingestor = new Ingestor([new PacedReader()], store, new IngestOptions(), NullLogger<Ingestor>.Instance);

        var reports = ingestor.IngestFiles(files, report =>
        {
            if (report.Source == files[0])
            {
                Assert.Equal(IngestOutcome.Ingested, elsewhere.IngestFile(files[2]).Outcome);
            }
        });

        Assert.Equal([IngestOutcome.Ingested, IngestOutcome.Ingested, IngestOutcome.Unchanged, IngestOutcome.Ingested], reports.Select(r => r.Outcome));
        Assert.Single(store.ListDocuments(), d => d.Sha256 == reports[2].Sha256);
    }

    [Fact]
    public void IngestFiles_SymbolicLinks_MeasuredAndReadAsTheFilesTheyName()
    {
        // A link's own size is a few bytes: the size limit and the bulk path's buffers must see the document's.
        var document = Fixture(Valid);
        var size = new FileInfo(document).Length;
        var link = Path.Combine(_directory, "linked.json");
        File.CreateSymbolicLink(link, document);
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, "links.db") }, new FakeTimeProvider(_now));
        var within = new Ingestor(Readers.All, store, new IngestOptions(), NullLogger<Ingestor>.Instance);
        var under = new Ingestor(Readers.All, store, new IngestOptions { MaxDocumentBytes = size - 1 }, NullLogger<Ingestor>.Instance);

        var tooLarge = new[] { under.IngestFile(link), under.IngestFiles([link])[0] };
        var read = within.IngestFiles([link])[0];

        Assert.All(tooLarge, r => Assert.Equal($"{size:N0} bytes is over the document size limit of {size - 1:N0} bytes", r.Reason));
        Assert.Equal(IngestOutcome.Ingested, read.Outcome);
        Assert.Equal(size, read.Bytes);
        Assert.Equal(File.ReadAllBytes(document), store.GetRawDocument(read.Sha256!));
    }

    [Fact]
    public void IngestFiles_FileLargerThanAnArray_RejectedWithItsSize()
    {
        // Allowed by a raised limit, but no array holds it: said so, not an overflow. Sparse: it takes no disk.
        var huge = Path.Combine(_directory, "huge.json");
        using (var file = File.Create(huge))
        {
            file.SetLength(3L << 30);
        }

        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, "huge.db") }, new FakeTimeProvider(_now));
        var ingestor = new Ingestor(Readers.All, store, new IngestOptions { MaxDocumentBytes = long.MaxValue }, NullLogger<Ingestor>.Instance)
        {
            LargeDocumentThreshold = long.MaxValue, // read ahead, into a pooled array, like any other file
        };

        var reports = new[] { ingestor.IngestFile(huge), ingestor.IngestFiles([huge])[0] };

        Assert.All(reports, r => Assert.Equal($"{3L << 30:N0} bytes is more than a document can be read into (at most {Array.MaxLength:N0})", r.Reason));
    }

    [Fact]
    public void IngestFiles_NoFiles_NoReports()
    {
        using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, "empty.db") }, new FakeTimeProvider(_now));

        Assert.Empty(new Ingestor(Readers.All, store, new IngestOptions(), NullLogger<Ingestor>.Instance).IngestFiles([]));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    private static string Describe(IngestReport r) =>
        $"{r.Source}|{r.Outcome}|{r.Sha256 ?? "null"}|{r.Format}|{r.Location}|{r.Reason}|{r.NodesAdded}|{r.EdgesAdded}|{r.Components}|{r.Bytes}|{r.Sequence}|{string.Join(';', r.Warnings.Select(w => $"{w.Location}:{w.Message}"))}";

    /// <summary>
    /// Every fixture of every format in name order (valid ones ingest; invalid ones and the .expected.txt files are
    /// rejected), every fifth one again (duplicates), plus a gzip of a valid document, a corrupt gzip and a missing file.
    /// </summary>
    private List<string> MixedInputs()
    {
        var fixtures = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        var inputs = new List<string>(fixtures);
        inputs.AddRange(fixtures.Where((_, i) => i % 5 == 0));

        var gzip = Path.Combine(_directory, "valid-cyclonedx.json.gz");
        using (var output = new GZipStream(File.Create(gzip), CompressionLevel.Fastest))
        {
            output.Write(File.ReadAllBytes(Fixture(Valid)));
        }

        var corrupt = Path.Combine(_directory, "corrupt.json.gz");
        File.WriteAllBytes(corrupt, [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x00]);
        inputs.Insert(3, gzip);
        inputs.Insert(7, corrupt);
        inputs.Insert(11, Path.Combine(_directory, "missing.json"));
        return inputs;
    }

    private (IReadOnlyList<IngestReport> Reports, List<string> State) Run(
        List<string> inputs, long largeDocument, int spill, Func<Ingestor, List<string>, IReadOnlyList<IngestReport>> ingest, ArrayPool<byte>? buffers = null)
    {
        var path = Path.Combine(_directory, $"store{++_stores}.db");
        using var store = new ThreadBoundStore(SqliteGraphStore.Open(new SqliteStoreOptions { Path = path }, new FakeTimeProvider(_now)));
        var index = new GraphIndexHolder();
        var ingestor = new Ingestor(Readers.All, store, new IngestOptions(), NullLogger<Ingestor>.Instance, index)
        {
            LargeDocumentThreshold = largeDocument,
            SpillThreshold = spill,
            ReadBuffers = buffers ?? ArrayPool<byte>.Shared,
        };

        // Twice: the second run meets every document already stored (Unchanged, or rejected again).
        var reports = ingest(ingestor, inputs).Concat(ingest(ingestor, inputs)).ToList();
        return (reports, StoreSnapshot.Of(store, index.Current));
    }

    /// <summary>
    /// A pool that hands out arrays longer than asked and full of stale bytes, as a reused pooled array is, and fails a
    /// return of an array it did not hand out or that was already returned.
    /// </summary>
    private sealed class CountingPool : ArrayPool<byte>
    {
        private readonly HashSet<byte[]> _outstanding = new(ReferenceEqualityComparer.Instance);

        public int Rented { get; private set; }

        public int Outstanding
        {
            get
            {
                lock (_outstanding)
                {
                    return _outstanding.Count;
                }
            }
        }

        public override byte[] Rent(int minimumLength)
        {
            var array = new byte[minimumLength + 100];
            Array.Fill(array, (byte)'{');
            lock (_outstanding)
            {
                _outstanding.Add(array);
                Rented++;
            }

            return array;
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            lock (_outstanding)
            {
                if (!_outstanding.Remove(array))
                {
                    throw new InvalidOperationException("returned an array not rented, or twice");
                }
            }
        }
    }

    /// <summary>"order:" files named prefix0, prefix1, …, padded to ~1 KB so their raw bytes are stored Brotli-encoded.</summary>
    private List<string> OrderFiles(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var path = Path.Combine(_directory, $"{prefix}{i}");
            File.WriteAllText(path, $"order:{prefix}{i} " + new string('x', 1_000 + i));
            return path;
        })];

    /// <summary>A store the bulk path has already committed into, so no first commit is slowed by compiling code.</summary>
    private SqliteGraphStore WarmStore(string name)
    {
        var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = Path.Combine(_directory, name) }, new FakeTimeProvider(_now));
        new Ingestor([new PacedReader()], store, new IngestOptions(), NullLogger<Ingestor>.Instance).IngestFiles(OrderFiles("warm", 3));
        return store;
    }

    private static void AssertRawStored(SqliteGraphStore store, List<string> paths)
    {
        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(bytes, store.GetRawDocument(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
        }
    }

    /// <summary>Reads "order:" documents: 100 ms each for those named "slow…", at once for the others.</summary>
    private sealed class PacedReader : IDocumentReader
    {
        public string Format => "Order";

        public bool CanRead(DocumentInput input) => input.Content.Span.StartsWith("order:"u8);

        public IngestBatch Read(DocumentInput input)
        {
            if (input.Name.StartsWith("slow", StringComparison.Ordinal))
            {
                Thread.Sleep(100);
            }

            var builder = input.NewBuilder();
            builder.AddNode(new NodeRef(NodeKind.Package, $"pkg:generic/{input.Name}"));
            return builder.Build(new DocumentInfo { Sha256 = input.Sha256, Format = Format, Name = input.Name });
        }
    }

    /// <summary>Reads "order:NAME" documents into one package node, logging when each read starts.</summary>
    private sealed class OrderReader(System.Collections.Concurrent.ConcurrentQueue<string> events) : IDocumentReader
    {
        public string Format => "Order";

        public bool CanRead(DocumentInput input) => input.Content.Span.StartsWith("order:"u8);

        public IngestBatch Read(DocumentInput input)
        {
            events.Enqueue($"read {input.Name}");
            Thread.Sleep(20); // long enough for the caller to commit beside it, if it could
            var builder = input.NewBuilder();
            builder.AddNode(new NodeRef(NodeKind.Package, $"pkg:generic/{input.Name}"));
            return builder.Build(new DocumentInfo { Sha256 = input.Sha256, Format = Format, Name = input.Name });
        }
    }

    /// <summary>A reader that fails as a bug would (not a rejection) on documents reading "boom".</summary>
    private sealed class ThrowingReader : IDocumentReader
    {
        public string Format => "Boom";

        public bool CanRead(DocumentInput input) => input.Content.Span.SequenceEqual("boom"u8);

        public IngestBatch Read(DocumentInput input) => throw new InvalidOperationException("a reader bug");
    }
}
