using System.Diagnostics;
using System.Security.Cryptography;
using ArtifactGraph.Bench.Baselines;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>commit --input DIR [--rounds 3] [--merge-ids N] [--chunk N]</c>: the SQLite commit alone. Every document of the folder is read first
/// (sniff, read, map; no store), then each round commits all the batches into a fresh file, timing the
/// transaction (<c>BeginDocument</c> to <c>Complete</c>, raw bytes encoded beforehand and timed apart) with the
/// committing thread's CPU clock. CPU time barely moves with the machine's load,
/// so commit-path changes can be compared while other builds run; the first round also pays for JIT.
/// <c>--chunk N</c>: documents are read in chunks of N records (as the overlapped one-by-one path spills them) and
/// each chunk is written into the open transaction before the last, to price chunking against one batch.
/// </summary>
internal static class CommitSuite
{
    private const string Suite = "commit";

    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var input = options.Required("--input");
        var rounds = options.Int("--rounds") ?? 3;

        // --merge-ids N: merge staged provenance every N ids (0: after every document; large: only on close).
        var mergeIds = options.Long("--merge-ids");
        var documents = ReadAll(input, options.Int("--chunk"));
        var components = documents.Sum(d => (long)d.Batch.Totals.Components);
        var rows = documents.Sum(d => d.Batch.Nodes.Count + (long)d.Batch.Edges.Count + d.Chunks.Sum(c => c.Item1.Count + (long)c.Item2.Count));
        var bytes = documents.Sum(d => (long)d.Raw.Length);
        report.Facts["commit.input"] = $"{Path.GetFullPath(input)} ({documents.Count:N0} documents, {bytes / 1e6:N1} MB, {components:N0} components, {rows:N0} node + edge records)";
        output.WriteLine($"committing {documents.Count:N0} documents ({rows:N0} records) {rounds} times");

        var perDocument = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var db = Scratch.NewFile("commit.db");
            var target = BenchStore.Sqlite(db, keep: false, mergeIds);
            try
            {
                var store = target.Open();
                var cpu = 0.0;
                var encodeCpu = 0.0;
                var wall = Stopwatch.StartNew();
                foreach (var (batch, raw, chunks) in documents)
                {
                    // Encoded first, as the read-ahead worker does off the committing thread; timed apart.
                    var encodeStarted = ThreadCpu.NowMs();
                    var encoded = new RawDocument(raw);
                    var started = ThreadCpu.NowMs();
                    encodeCpu += started - encodeStarted;
                    using (var writer = store.BeginDocument(batch.Document.Sha256, encoded))
                    {
                        foreach (var (nodes, edges) in chunks)
                        {
                            writer.Write(nodes, edges);
                        }

                        writer.Complete(batch);
                    }

                    var spent = ThreadCpu.NowMs() - started;
                    cpu += spent;
                    if (round == rounds && Math.Abs(batch.Totals.Components - 1_000) <= 50)
                    {
                        perDocument.Add(spent);
                    }
                }

                // Closing the SQLite store merges the provenance still staged (one row per document until then).
                var closeStarted = ThreadCpu.NowMs();
                store.Dispose();
                var closeCpu = ThreadCpu.NowMs() - closeStarted;
                report.Add(Suite, $"round {round}: commit CPU (thread)", cpu / 1e3, "s", round == 1 ? "includes JIT" : null);
                report.Add(Suite, $"round {round}: close CPU (thread)", closeCpu / 1e3, "s", "merges staged provenance");
                report.Add(Suite, $"round {round}: commit + close CPU", (cpu + closeCpu) / 1e3, "s");
                report.Add(Suite, $"round {round}: raw encoding CPU (Brotli)", encodeCpu / 1e3, "s", "before the transaction; off the committing thread when read ahead");
                report.Add(Suite, $"round {round}: wall", wall.Elapsed.TotalSeconds, "s");
                if (round == rounds)
                {
                    report.Add(Suite, "per record (node or edge)", cpu * 1e3 / rows, "µs", "last round's CPU");
                    report.Add(Suite, "components per CPU-second", components / (cpu / 1e3), "components/s");
                    report.Add(Suite, "SBOM bytes per CPU-second", bytes / 1e6 / (cpu / 1e3), "MB/s");
                }
            }
            finally
            {
                target.CleanUp();
            }
        }

        if (perDocument.Count > 0)
        {
            report.Add(Suite, $"~1,000-component document, CPU p50 of {perDocument.Count}", new Percentiles(perDocument).At(50), "ms");
        }

        return 0;
    }

    private static List<(IngestBatch Batch, byte[] Raw, List<(IReadOnlyList<NodeRecord>, IReadOnlyList<EdgeRecord>)> Chunks)> ReadAll(string input, int? chunk)
    {
        var documents = new List<(IngestBatch, byte[], List<(IReadOnlyList<NodeRecord>, IReadOnlyList<EdgeRecord>)>)>();
        foreach (var file in InputExpander.Expand([input]).Files)
        {
            var raw = File.ReadAllBytes(file);
            var chunks = new Chunks();
            var documentInput = new DocumentInput(Path.GetFileName(file), raw, Convert.ToHexStringLower(SHA256.HashData(raw)))
            {
                Spill = chunk is null ? null : chunks,
                SpillThreshold = chunk ?? IngestBatchBuilder.DefaultSpillThreshold,
            };
            if (Readers.All.FirstOrDefault(r => r.CanRead(documentInput)) is { } reader)
            {
                try
                {
                    documents.Add((reader.Read(documentInput), raw, chunks.Taken));
                }
                catch (DocumentRejectedException)
                {
                    // Rejected documents commit nothing; the suite times commits only.
                }
            }
        }

        return documents;
    }

    /// <summary>Keeps the chunks a reader spills, to be written into the transaction before the last.</summary>
    private sealed class Chunks : IBatchSink
    {
        public List<(IReadOnlyList<NodeRecord>, IReadOnlyList<EdgeRecord>)> Taken { get; } = [];

        public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges) => Taken.Add((nodes, edges));
    }
}
