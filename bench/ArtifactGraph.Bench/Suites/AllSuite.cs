using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Bench.Reporting;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>all [--tier S] [--seed N] [--queries N]</c>: generate into a scratch folder, ingest it into a scratch
/// store, then run the dependents suite on the index loaded from that store: the whole path end to end.
/// </summary>
internal static class AllSuite
{
    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var tier = Tier.Parse(options.Value("--tier"), options.Int("--images"));
        var seed = options.Seed;
        var sboms = Scratch.NewDirectory("sboms");
        var db = Scratch.NewFile("all.db");
        try
        {
            GenerateSuite.Generate(tier, seed, sboms, report, output);
            IngestSuite.Run(sboms, db, seed, report, output);
            return DependentsSuite.Run(db, tier, options.Int("--queries") ?? 2_000, seed, report, output);
        }
        finally
        {
            if (!options.Has("--keep"))
            {
                Directory.Delete(sboms, recursive: true);
                Scratch.DeleteDatabase(db);
            }
            else
            {
                output.WriteLine($"kept {sboms} and {db}");
            }
        }
    }
}
