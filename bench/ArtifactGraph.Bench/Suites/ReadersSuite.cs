using System.Diagnostics;
using System.Security.Cryptography;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>readers --input DIR [--repeat N] [--cold]</c>: every file the sniffer accepts, through sniff + read + map
/// alone (no store), grouped by format: MB/s and packages/s of each reader, by wall time and by the process's
/// CPU time (which the other builds on a shared machine disturb far less), and bytes allocated per package.
/// Purls are parsed once per distinct text (a bounded cache in Core), so repeated reads of the same documents
/// hit that cache; <c>--cold</c> clears it before every document, as when each document's purls are new.
/// The store's share of ingest is what the <c>ingest</c> suite adds on top.
/// </summary>
internal static class ReadersSuite
{
    private const string Suite = "readers";

    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var input = options.Required("--input");
        var repeat = int.Parse(options.Value("--repeat") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var cold = options.Has("--cold");
        var sniffer = new FormatSniffer(Readers.All);
        var documents = new List<(IDocumentReader Reader, DocumentInput Input)>();
        foreach (var file in InputExpander.Expand([input]).Files)
        {
            var bytes = File.ReadAllBytes(file);
            var input1 = new DocumentInput(Path.GetFileName(file), bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            try
            {
                var reader = sniffer.Detect(input1);
                reader.Read(input1); // warm up, and keep only documents the reader accepts
                documents.Add((reader, input1));
            }
            catch (DocumentRejectedException)
            {
                // Not an SBOM this build reads, or deliberately invalid: not a throughput sample.
            }
        }

        output.WriteLine($"{documents.Count} readable documents from {input}, each read {repeat} times{(cold ? ", purl cache cleared before each" : string.Empty)}");
        report.Facts["readers.purlCache"] = cold ? "cleared before every document (--cold)" : "warm after the first read";
        foreach (var group in documents.GroupBy(d => d.Reader.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            long bytes = 0, packages = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < repeat; i++)
            {
                foreach (var (reader, document) in group)
                {
                    if (cold)
                    {
                        Purl.ClearParseCache();
                    }

                    var batch = reader.Read(document);
                    bytes += document.Content.Length;
                    packages += batch.Totals.Components;
                }
            }

            clock.Stop();
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var name = $"{group.Key}: {group.Count()} docs, {group.Sum(d => d.Input.Content.Length) / 1e6:N2} MB";
            report.Add(Suite, name, bytes / 1e6 / seconds, "MB/s", $"{packages / seconds:N0} packages/s (wall)");
            report.Add(Suite, name + " [CPU]", bytes / 1e6 / cpuSeconds, "MB/s", $"{packages / cpuSeconds:N0} packages/s per CPU-second; {allocated / (double)Math.Max(packages, 1) / 1024:N1} KB allocated per package");
        }

        return 0;
    }
}
