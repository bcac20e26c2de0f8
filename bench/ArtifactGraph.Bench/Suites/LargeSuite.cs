using System.Diagnostics;
using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>large [--mb 250] [--db FILE] [--keep]</c>: generates one SBOM of about that size (<see cref="LargeSbom"/>)
/// and ingests it through the real <see cref="Ingestor"/> into a fresh SQLite file, as <c>artifactgraph ingest</c>
/// does; reports the peak working set against DESIGN.md §8 ("memory bounded while ingesting a 250 MB SBOM",
/// well under 1 GiB). Run it in its own process: the peak is the whole process's. <c>--reader-only</c> reads the same
/// file through sniff + read + map with chunks handed to a sink that drops them (no store), for the reader's own
/// share of the peak when the machine is too loaded for the SQLite run.
/// </summary>
internal static class LargeSuite
{
    private const string Suite = "large";
    private const double OneGiB = 1024;

    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var mb = options.Int("--mb") ?? 250;
        if (mb < 1)
        {
            throw new ArgumentException("--mb must be at least 1");
        }

        var db = options.Value("--db") ?? Scratch.NewFile("large.db");
        if (File.Exists(db))
        {
            throw new ArgumentException($"--db '{db}' exists; the suite ingests into a fresh file");
        }

        var folder = Scratch.NewDirectory("large");
        var path = Path.Combine(folder, $"large-{mb}mb.cdx.json");
        var components = (int)(mb * 1e6 / LargeSbom.BytesPerComponent);
        output.WriteLine($"writing {path} ({components:N0} components)");
        LargeSbom.Write(path, components);
        var bytes = new FileInfo(path).Length;
        report.Facts["large.input"] = $"{path} ({bytes / 1e6:N1} MB, {components:N0} components)";
        report.Facts["large.db"] = Path.GetFullPath(db);

        // The generator's own garbage must not count towards the ingest's peak.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        if (options.Has("--reader-only"))
        {
            return ReadOnly(path, bytes, options, report, output, folder);
        }

        output.WriteLine($"ingesting into {db}");
        IngestReport result;
        var wall = Stopwatch.StartNew();
        using (var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = db }, TimeProvider.System))
        {
            result = new Ingestor(Readers.All, store, new IngestOptions(), NullLogger<Ingestor>.Instance).IngestFile(path);
        }

        wall.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        if (!options.Has("--keep"))
        {
            Directory.Delete(folder, recursive: true);
            Scratch.DeleteDatabase(db);
        }

        if (result.Outcome != IngestOutcome.Ingested)
        {
            output.WriteLine($"the generated SBOM was not ingested: {result.Outcome} {result.Location} {result.Reason}");
            return 1;
        }

        var seconds = wall.Elapsed.TotalSeconds;
        report.Add(Suite, "input size", bytes / 1e6, "MB");
        report.Add(Suite, "components committed", result.Components, "components");
        report.Add(Suite, "wall time", seconds, "s", "read, hash, sniff, read + map, one SQLite transaction in chunks");
        report.Add(Suite, "throughput (input bytes / wall)", bytes / 1e6 / seconds, "MB/s");
        report.Add(Suite, "components per second", result.Components / seconds, "components/s");
        report.AtMost(Suite, "peak working set", peak, "MiB", OneGiB, "Process.PeakWorkingSet64 (VmHWM) of the whole process; the document's bytes are in memory once");
        return 0;
    }

    private static int ReadOnly(string path, long bytes, BenchOptions options, BenchReport report, TextWriter output, string folder)
    {
        output.WriteLine($"reading {path} (no store)");
        var wall = Stopwatch.StartNew();
        var content = File.ReadAllBytes(path);
        var sink = new DroppingSink();
        var input = new DocumentInput(Path.GetFileName(path), content, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))) { Spill = sink };
        var batch = new FormatSniffer(Readers.All).Detect(input).Read(input);
        wall.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        if (!options.Has("--keep"))
        {
            Directory.Delete(folder, recursive: true);
        }

        var seconds = wall.Elapsed.TotalSeconds;
        report.Add(Suite, "input size", bytes / 1e6, "MB");
        report.Add(Suite, "components read", batch.Totals.Components, "components", $"{sink.Chunks} chunks dropped");
        report.Add(Suite, "wall time (reader only)", seconds, "s", "read file, SHA-256, sniff, read + map; chunks dropped, no store");
        report.Add(Suite, "throughput (input bytes / wall)", bytes / 1e6 / seconds, "MB/s");
        report.AtMost(Suite, "peak working set (reader only)", peak, "MiB", OneGiB, "Process.PeakWorkingSet64 (VmHWM); the document's bytes are in memory once");
        return 0;
    }

    /// <summary>Stands in for the store: takes each chunk and keeps nothing.</summary>
    private sealed class DroppingSink : ArtifactGraph.Core.Ingestion.IBatchSink
    {
        public int Chunks { get; private set; }

        public void Write(IReadOnlyList<ArtifactGraph.Core.Graph.NodeRecord> nodes, IReadOnlyList<ArtifactGraph.Core.Graph.EdgeRecord> edges) => Chunks++;
    }
}
