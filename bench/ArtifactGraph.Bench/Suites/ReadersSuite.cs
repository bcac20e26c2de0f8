using System.Diagnostics;
using System.Security.Cryptography;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>readers --input DIR [--repeat N]</c>: every file the sniffer accepts, through sniff + read + map
/// alone (no store), grouped by format: MB/s and packages/s of each reader. The store's share of
/// ingest is what the <c>ingest</c> suite adds on top.
/// </summary>
internal static class ReadersSuite
{
    private const string Suite = "readers";

    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var input = options.Required("--input");
        var repeat = int.Parse(options.Value("--repeat") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
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

        output.WriteLine($"{documents.Count} readable documents from {input}, each read {repeat} times");
        foreach (var group in documents.GroupBy(d => d.Reader.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            long bytes = 0, packages = 0;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < repeat; i++)
            {
                foreach (var (reader, document) in group)
                {
                    var batch = reader.Read(document);
                    bytes += document.Content.Length;
                    packages += batch.Nodes.Count(n => n.Kind is NodeKind.PackageVersion or NodeKind.Image);
                }
            }

            clock.Stop();
            var seconds = clock.Elapsed.TotalSeconds;
            report.Add(Suite, $"{group.Key}: {group.Count()} docs, {group.Sum(d => d.Input.Content.Length) / 1e6:N2} MB", bytes / 1e6 / seconds, "MB/s", $"{packages / seconds:N0} packages/s");
        }

        return 0;
    }
}
