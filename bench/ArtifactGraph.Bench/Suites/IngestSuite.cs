using System.Diagnostics;
using System.Security.Cryptography;
using ArtifactGraph.Bench.Baselines;
using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>ingest --input DIR [--db FILE | --postgres] [--sequential]</c>: every file of the folder through the real
/// <see cref="Ingestor"/> (as <c>artifactgraph ingest</c> runs it: read, decompress, hash, sniff, read, one
/// transaction per document, the next document read while one commits; <c>--sequential</c>: one after the other,
/// as before the read-ahead) into a fresh SQLite database, or with --postgres a fresh schema on the
/// ARTIFACTGRAPH_POSTGRES server; then ten generated 1,000-component SBOMs into the same, now warm, store, one at a
/// time (a single document's latency: read-ahead cannot help it). <c>--no-overlap</c>: those are read, then committed,
/// on the calling thread (<see cref="IngestOptions.OverlapReadAndCommit"/> off), for A/B runs in one build;
/// <c>--overlap-chunk N</c>: records per chunk when overlapped; <c>--thousands N</c>: how many of those (10); <c>--overlap-grace MS</c>: how long the caller waits for the pool to start the read; <c>--overlap-ab</c>: every other one
/// read then committed (the overlap off), timed apart; <c>--no-checkpoint-thread</c>: the write-ahead log checkpointed on the
/// committing thread (<see cref="SqliteStoreOptions.CheckpointThread"/> off), for A/B runs in one build.
/// </summary>
internal static class IngestSuite
{
    private const string Suite = "ingest";
    private const int OneThousand = 1_000;
    private const int DefaultThousandRuns = 10;
    private const int SlowDocumentMs = 20;

    public static int Run(BenchOptions options, BenchReport report, TextWriter output) =>
        Run(options.Required("--input"), options.Value("--db"), options.Seed, report, output, options.Has("--postgres"), options.Has("--sequential"), !options.Has("--no-overlap"), options.Int("--overlap-chunk"), options.Int("--thousands") ?? DefaultThousandRuns, options.Value("--overlap-grace") is { } grace ? TimeSpan.FromMilliseconds(double.Parse(grace, System.Globalization.CultureInfo.InvariantCulture)) : null, options.Has("--overlap-ab"), options.Int("--read-ahead"), options.Long("--merge-ids"), options.Long("--merge-max-ids"), options.Has("--gc-concurrent"), options.Int("--wal-autocheckpoint"), options.Int("--node-merge-rows"), !options.Has("--no-checkpoint-thread"));

    public static int Run(string input, string? dbOption, int seed, BenchReport report, TextWriter output, bool postgres = false, bool sequential = false, bool overlap = true, int? overlapChunk = null, int thousands = DefaultThousandRuns, TimeSpan? overlapGrace = null, bool overlapAb = false, int? readAhead = null, long? mergeIds = null, long? mergeMaxIds = null, bool gcConcurrent = false, int? walAutocheckpoint = null, int? nodeMergeRows = null, bool checkpointThread = true)
    {
        if (!Directory.Exists(input))
        {
            throw new ArgumentException($"--input '{input}' is not a folder");
        }

        var db = dbOption ?? Scratch.NewFile("ingest.db");
        if (!postgres && File.Exists(db))
        {
            throw new ArgumentException($"--db '{db}' exists; the suite ingests into a fresh file");
        }

        // As `artifactgraph ingest` opens it (StoreFactory, bulk): the provenance merge step grows without the read-side cap,
        // the log is checkpointed every ~200 MB, and new nodes are merged into the key index every 500,000.
        var target = postgres
            ? BenchStore.Postgres(keep: false)
            : BenchStore.Sqlite(db, keep: dbOption is not null, mergeIds, mergeMaxIds ?? long.MaxValue, walAutocheckpoint ?? SqliteStoreOptions.BulkWalAutocheckpointPages, nodeMergeRows ?? SqliteStoreOptions.BulkNodeMergeRows, checkpointThread);

        var files = InputExpander.Expand([input]).Files;
        var inputBytes = files.Sum(FileBytes);
        report.Facts["ingest.input"] = $"{Path.GetFullPath(input)} ({files.Count:N0} files, {inputBytes / 1e6:N1} MB)";
        report.Facts["ingest.db"] = postgres ? target.Description : $"{Path.GetFullPath(db)} on {FileSystemOf(db)}";
        report.Facts["ingest.checkpoints"] = postgres ? "PostgreSQL's own" : checkpointThread ? "on the store's checkpoint thread" : "on the committing thread (--no-checkpoint-thread)";
        report.Facts["ingest.mode"] = sequential ? "sequential (IngestFile per file)" : $"read-ahead (IngestFiles: up to {readAhead ?? new IngestOptions().ReadAheadDocuments} documents read while one commits)";
        report.Facts["ingest.overlap"] = overlap ? $"one by one, read while committing (chunks of {overlapChunk ?? IngestOptions.DefaultOverlapChunkRecords} records, start grace {overlapGrace?.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"} ms)" : "one by one, read then commit";
        output.WriteLine($"ingesting {files.Count:N0} files ({inputBytes / 1e6:N1} MB) from {input} into {target.Description}, {report.Facts["ingest.mode"]}");

        var reports = new List<(IngestReport Report, double Ms)>(files.Count);
        var thousand = new List<(IngestReport Report, double Ms)>();
        var readOnly = new List<double>();
        var thousandCpu = new List<double>();
        var readThenCommit = new List<(double Ms, double Cpu)>();
        // As the command runs a bulk load: batch latency (--gc-concurrent keeps the runtime's default, for A/B runs); whether
        // background GC is configured at all is the process's (CliRuntime, and the table's "GC" line).
        report.Facts["ingest.gc"] = gcConcurrent ? "interactive latency (runtime default; --gc-concurrent)" : "batch latency (BulkGc: as artifactgraph ingest runs)";
        using var gc = gcConcurrent ? null : BulkGc.Start();
        try
        {
            using var store = target.Open();
            var options = new IngestOptions { OverlapReadAndCommit = overlap, OverlapChunkRecords = overlapChunk ?? IngestOptions.DefaultOverlapChunkRecords };
            options.OverlapStartGrace = overlapGrace ?? options.OverlapStartGrace;
            options.ReadAheadDocuments = readAhead ?? options.ReadAheadDocuments;
            var ingestor = new Ingestor(Readers.All, store, options, NullLogger<Ingestor>.Instance);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var gcBefore = (Pause: GC.GetTotalPauseDuration(), Allocated: GC.GetTotalAllocatedBytes(), Calling: GC.GetAllocatedBytesForCurrentThread(), Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
            var threadCpuBefore = ThreadCpu.NowMs();
            var wall = Stopwatch.StartNew();
            var started = wall.Elapsed;
            var progress = new IngestProgress(files.Count, output);
            void Done(IngestReport result)
            {
                // With read-ahead this is the committing thread's interval: the commit plus any wait for the read.
                reports.Add((result, (wall.Elapsed - started).TotalMilliseconds));
                started = wall.Elapsed;
                progress.Document(result.Bytes, wall.Elapsed);
            }

            if (sequential)
            {
                foreach (var file in files)
                {
                    Done(ingestor.IngestFile(file));
                }
            }
            else
            {
                ingestor.IngestFiles(files, Done);
            }

            wall.Stop();
            var threadCpu = (ThreadCpu.NowMs() - threadCpuBefore) / 1e3;
            var bulkWall = wall.Elapsed;
            var committed = Summarize(report, reports, inputBytes, bulkWall);

            // Under load the wall time says little; CPU seconds do, and CPU / wall above 1 is the read-ahead at work.
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            report.Add(Suite, "process CPU time (bulk run)", cpu, "s", "user + system, all threads");
            report.Add(Suite, "  CPU / wall", cpu / wall.Elapsed.TotalSeconds, "cores", "1 at most when sequential (plus GC and JIT threads)");
            report.Add(Suite, "  of which the calling (committing) thread", threadCpu, "s", sequential ? "read and commit" : "commits; reads run on a worker");
            report.Add(Suite, "  wall on 2 idle cores, at best", Math.Max(threadCpu, cpu / 2), "s", "max(calling thread, all CPU / 2): what this run's CPU allows without other load");

            // A collection stops both threads, the committing one included: its pauses are wall time no thread gets back.
            var pause = (GC.GetTotalPauseDuration() - gcBefore.Pause).TotalSeconds;
            report.Add(Suite, "  garbage collector pauses (bulk run)", pause, "s", $"{100 * pause / bulkWall.TotalSeconds:F1}% of the wall; {GC.CollectionCount(0) - gcBefore.Gen0} gen0 / {GC.CollectionCount(1) - gcBefore.Gen1} gen1 / {GC.CollectionCount(2) - gcBefore.Gen2} gen2 collections; {(GC.GetTotalAllocatedBytes() - gcBefore.Allocated) / (double)inputBytes:F1} bytes allocated per input byte, {(GC.GetAllocatedBytesForCurrentThread() - gcBefore.Calling) / (double)inputBytes:F1} of them by the calling thread");
            // --overlap-ab: every other SBOM read then committed, so both ways are timed in the same seconds.
            var alternate = overlapAb ? new Ingestor(Readers.All, store, new IngestOptions { OverlapReadAndCommit = false }, NullLogger<Ingestor>.Instance) : null;
            thousand.AddRange(IngestThousands(ingestor, seed, thousands, readOnly, thousandCpu, alternate, readThenCommit));
            report.Add(Suite, postgres ? "store size (tables, indexes, TOAST)" : "store file size (db + wal)", target.SizeMb(), "MB");

            // Closing the SQLite store merges the provenance still staged (one row per document until then).
            var closeCpu = ThreadCpu.NowMs();
            var close = Stopwatch.StartNew();
            store.Dispose();
            report.Add(Suite, "store close", close.Elapsed.TotalMilliseconds, "ms", $"{ThreadCpu.NowMs() - closeCpu:N0} ms CPU; merges staged provenance");

            // The command's wall time ends after the close, which (SQLite) finishes the provenance index: counted here
            // too. It also merges the few 1,000-component SBOMs' lists, a rounding error beside the bulk run's.
            var withClose = (bulkWall + close.Elapsed).TotalSeconds;
            report.AtLeast(Suite, "throughput, store close included", inputBytes / 1e6 / withClose, "MB/s", 100);
            report.AtLeast(Suite, "components per second, store close included", committed / withClose, "components/s", 50_000);
        }
        finally
        {
            target.CleanUp();
        }

        var fromFolder = reports.Where(r => r.Report.Outcome == IngestOutcome.Ingested && Math.Abs(r.Report.Components - OneThousand) <= 50).ToList();
        if (fromFolder.Count > 0)
        {
            var ms = new Percentiles(fromFolder.Select(r => r.Ms));
            report.AtMost(Suite, $"~1,000-component SBOM from the folder (p50 of {ms.Count})", ms.At(50), "ms", 20, "during the bulk run, store growing");
        }

        var generated = new Percentiles(thousand.Select(t => t.Ms));
        var components = thousand.Count > 0 ? thousand[0].Report.Components : 0;
        report.AtMost(Suite, $"1,000-component SBOM, generated (p50 of {generated.Count})", generated.At(50), "ms", 20, $"{components} components each, into the warm store after the bulk run");
        report.Add(Suite, "1,000-component SBOM, generated (max)", generated.Max, "ms");
        report.Add(Suite, "  calling thread CPU (p50)", new Percentiles(thousandCpu).At(50), "ms", "stretched less by load than wall time; work done beside it on another core (the raw encoding) is not in it");
        if (readThenCommit.Count > 0)
        {
            report.Add(Suite, $"1,000-component SBOM, read then commit (p50 of {readThenCommit.Count})", new Percentiles(readThenCommit.Select(r => r.Ms)).At(50), "ms", "--overlap-ab: every other SBOM with the overlap off, same store, same seconds");
            report.Add(Suite, "  calling thread CPU, read then commit (p50)", new Percentiles(readThenCommit.Select(r => r.Cpu)).At(50), "ms");
        }

        report.Add(Suite, "  of which hash + sniff + read + map (p50)", new Percentiles(readOnly).At(50), "ms", $"the reader alone, no store: the rest of the time is the {(postgres ? "PostgreSQL" : "SQLite")} commit");
        report.Add(Suite, "peak working set", Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), "MiB", "Process.PeakWorkingSet64 (VmHWM) of the whole process");
        return 0;
    }

    /// <summary>A file's size, or for a symbolic link (a subset of a tier's folder) its target's.</summary>
    private static long FileBytes(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null ? file.Length : ((FileInfo)file.ResolveLinkTarget(returnFinalTarget: true)!).Length;
    }

    /// <summary>Reports the bulk run's figures; returns the components committed.</summary>
    private static long Summarize(BenchReport report, List<(IngestReport Report, double Ms)> reports, long inputBytes, TimeSpan wall)
    {
        var ingested = reports.Where(r => r.Report.Outcome == IngestOutcome.Ingested).ToList();
        var rejected = reports.Count(r => r.Report.Outcome == IngestOutcome.Rejected);
        var unchanged = reports.Count(r => r.Report.Outcome == IngestOutcome.Unchanged);
        var components = ingested.Sum(r => (long)r.Report.Components);
        var seconds = wall.TotalSeconds;
        report.Add(Suite, "documents ingested", ingested.Count, "docs");
        report.Add(Suite, "documents rejected", rejected, "docs", rejected > 0 ? "rejected files are timed too: read, hashed and parsed up to the error" : null);
        report.Add(Suite, "documents unchanged (duplicates)", unchanged, "docs");
        report.Add(Suite, "components committed", components, "components");
        report.Add(Suite, "wall time", seconds, "s");
        report.Add(Suite, "throughput (input bytes / wall)", inputBytes / 1e6 / seconds, "MB/s", "the documents committed; the provenance index may still be merging (see close)");
        report.Add(Suite, "components per second", components / seconds, "components/s");
        var perDoc = new Percentiles(reports.Select(r => r.Ms));
        report.Add(Suite, "mean per document", perDoc.Mean, "ms");
        report.Add(Suite, "p50 per document", perDoc.At(50), "ms");
        report.Add(Suite, "p95 per document", perDoc.At(95), "ms");
        report.Add(Suite, "max per document", perDoc.Max, "ms");

        // The long tail is where the wall goes besides CPU: a document the committing thread holds long (a merge, a
        // collection, a checkpoint before stop 32) leaves the reader, a few documents ahead, waiting (BENCHMARKS-HISTORY.md, stop 32).
        var slow = reports.Where(r => r.Ms > SlowDocumentMs).ToList();
        report.Add(Suite, $"documents over {SlowDocumentMs} ms", slow.Count, "docs", $"{slow.Sum(r => r.Ms) / 1e3:N1} s of the {seconds:N1} s wall");

        // The outliers explain the mean: the first document (JIT, empty caches) and the one whose commit merges staged provenance.
        report.Facts["ingest.slowest"] = string.Join("; ", reports.Index().OrderByDescending(r => r.Item.Ms).Take(3)
            .Select(r => $"#{r.Index + 1} {Path.GetFileName(r.Item.Report.Source)} {r.Item.Ms:N0} ms ({r.Item.Report.Components:N0} components, {r.Item.Report.EdgesAdded:N0} new edges)"));
        return components;
    }

    /// <summary>Distinct generated SBOMs of exactly 1,000 components (subject + base image + 998 packages).</summary>
    private static List<(IngestReport Report, double Ms)> IngestThousands(Ingestor ingestor, int seed, int runs, List<double> readOnly, List<double> callingThreadCpu, Ingestor? alternate, List<(double Ms, double Cpu)> alternated)
    {
        var corpus = Corpus.Create(Tier.Parse("S"), seed);
        var directory = Scratch.NewDirectory("thousand");
        var results = new List<(IngestReport, double)>();
        try
        {
            var paths = new List<string>();
            for (var i = 0; i < runs; i++)
            {
                var plan = corpus.Planner.PlanImage(900_000 + i, OneThousand);
                SbomWriter.Write(corpus.Universe, plan, directory);
                paths.Add(Path.Combine(directory, plan.FileName));
            }

            for (var i = 0; i < paths.Count; i++)
            {
                var other = alternate is not null && i % 2 == 1;
                var cpu = ThreadCpu.NowMs();
                var stopwatch = Stopwatch.StartNew();
                var result = (other ? alternate! : ingestor).IngestFile(paths[i]);
                var ms = stopwatch.Elapsed.TotalMilliseconds;
                if (other)
                {
                    alternated.Add((ms, ThreadCpu.NowMs() - cpu));
                    continue;
                }

                results.Add((result, ms));
                callingThreadCpu.Add(ThreadCpu.NowMs() - cpu);
            }

            // Where the time goes: the same documents through the reader alone (sniff, parse, map; no store).
            foreach (var path in paths)
            {
                var bytes = File.ReadAllBytes(path);
                var stopwatch = Stopwatch.StartNew();
                var input = new DocumentInput(Path.GetFileName(path), bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                var batch = Readers.All.First(r => r.CanRead(input)).Read(input);
                readOnly.Add(stopwatch.Elapsed.TotalMilliseconds);
                GC.KeepAlive(batch);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return results;
    }

    private static string FileSystemOf(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var best = string.Empty;
            var type = "unknown";
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length > 2 && full.StartsWith(parts[1], StringComparison.Ordinal) && parts[1].Length > best.Length)
                {
                    best = parts[1];
                    type = parts[2];
                }
            }

            return $"{type} ({best})";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
