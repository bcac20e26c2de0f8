using System.Diagnostics;
using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Ingest;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>generate --tier S|M|L --seed N --out DIR [--images N] [--verify]</c>: writes one CycloneDX 1.5 SBOM
/// per image (and per base image) and one artifactgraph/v1 inventory per cluster. <c>--verify</c> also ingests them into a scratch store and checks that
/// the graph equals the one <c>--direct</c> builds for the same seed.
/// </summary>
internal static class GenerateSuite
{
    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var tier = Tier.Parse(options.Value("--tier"), options.Int("--images"));
        var outDir = options.Value("--out") ?? (options.Has("--verify") ? Scratch.NewDirectory("sboms") : throw new ArgumentException("--out is required"));
        Generate(tier, options.Seed, outDir, report, output);
        return options.Has("--verify") ? Verify(tier, options.Seed, outDir, output) : 0;
    }

    public static void Generate(Tier tier, int seed, string outDir, BenchReport report, TextWriter output)
    {
        var stopwatch = Stopwatch.StartNew();
        var corpus = Corpus.Create(tier, seed);
        var universeTime = stopwatch.Elapsed;
        var (files, bytes, components) = corpus.WriteJson(outDir);
        var (inventories, inventoryBytes) = corpus.WriteInventories(outDir);
        var elapsed = stopwatch.Elapsed;
        output.WriteLine($"generated tier {tier.Name} (seed {seed}): {files:N0} SBOMs, {bytes / 1e6:N1} MB, {components:N0} components; {inventories:N0} inventories ({corpus.Deployments.Count:N0} deployments, {inventoryBytes / 1e3:N0} kB) in {outDir}");
        report.Facts["generate.out"] = outDir;
        report.Add("generate", "SBOM files", files, "files");
        report.Add("generate", "SBOM bytes", bytes / 1e6, "MB");
        report.Add("generate", "components per image (mean)", (double)components / files, "components");
        report.Add("generate", "inventory files (one per cluster)", inventories, "files");
        report.Add("generate", "deployments", corpus.Deployments.Count, "workloads", $"{corpus.Deployments.Select(d => d.Image).Distinct().Count():N0} of {tier.Images:N0} images run somewhere");
        report.Add("generate", "universe package versions", corpus.Universe.VersionCount, "versions");
        report.Add("generate", "universe build", universeTime.TotalSeconds, "s");
        report.Add("generate", "generate time", elapsed.TotalSeconds, "s");
    }

    private static int Verify(Tier tier, int seed, string outDir, TextWriter output)
    {
        var db = Scratch.NewFile("verify.db");
        try
        {
            GraphIndex fromJson;
            using (var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = db }, TimeProvider.System))
            {
                var ingestor = new Ingestor(Readers.All, store, new IngestOptions(), NullLogger<Ingestor>.Instance);
                foreach (var file in InputExpander.Expand([outDir]).Files)
                {
                    var result = ingestor.IngestFile(file);
                    if (result.Outcome != IngestOutcome.Ingested)
                    {
                        output.WriteLine($"FAIL: {file} was {result.Outcome}: {result.Location} {result.Reason}");
                        return 1;
                    }
                }

                fromJson = new GraphIndexHolder().LoadFrom(store);
            }

            var corpus = Corpus.Create(tier, seed);
            var (direct, _) = DirectGraph.Build(corpus);
            var json = GraphSignature.Of(fromJson);
            var differences = json.Compare(GraphSignature.Of(direct));
            foreach (var (key, count) in json.Counts)
            {
                output.WriteLine($"  {key,-24} {count,10:N0}");
            }

            if (differences.Count == 0)
            {
                output.WriteLine($"OK: JSON → Ingestor → SQLite → index and --direct agree ({fromJson.NodeCount:N0} nodes, {fromJson.EdgeCount:N0} edges; first = JSON, second = direct)");
                return 0;
            }

            output.WriteLine("FAIL: JSON and --direct graphs differ (first = JSON, second = direct):");
            differences.ForEach(d => output.WriteLine("  " + d));
            return 1;
        }
        finally
        {
            Scratch.DeleteDatabase(db);
        }
    }
}
