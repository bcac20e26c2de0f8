using ArtifactGraph.Bench;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Bench.Suites;
using ArtifactGraph.Bench.Targets;

const string Usage = """
    artifactgraph-bench VERB [options]     (dotnet run --project bench/ArtifactGraph.Bench -c Release -- VERB ...)
      generate   --tier S|M|L --seed N --out DIR [--images N] [--verify]
      ingest     --input DIR [--db FILE | --postgres] [--seed N] [--sequential]   --postgres: into ARTIFACTGRAPH_POSTGRES;
                 --sequential: no read-ahead (one document after the other); [--read-ahead 8]: documents read ahead at most;
                 [--merge-ids N] [--merge-max-ids N]: the store's provenance merge step, least and most;
                 [--wal-autocheckpoint 50000]: pages of write-ahead log between checkpoints (the ingest command's);
                 [--node-merge-rows 500000]: new nodes staged before each merge into the key index (the ingest command's);
                 [--gc-concurrent]: interactive GC latency instead of batch (background GC itself: DOTNET_gcConcurrent=1)
             [--thousands 10] [--no-overlap] [--overlap-chunk 1024] [--overlap-grace 2]: the 1,000-component SBOMs
             one by one after the bulk run: how many; read then commit instead of overlapped; records per chunk, and
             ms the caller waits for the pool to start the read, when overlapped; [--overlap-ab]: every other one
             read then committed, timed apart
      commit     --input DIR [--rounds 3] [--merge-ids N] [--chunk N]   the SQLite commit alone (documents read first, in
             chunks of N records with --chunk), timed with thread CPU
      dependents [--tier S|M|L] [--db FILE] [--queries N] [--seed N] [--images N]
      all        [--tier S] [--seed N] [--queries N] [--keep]
      readers    --input DIR [--repeat N] [--cold]   sniff + read + map alone, per format (--cold: purl cache cleared per document)
      large      [--mb 250] [--db FILE] [--keep] [--reader-only]   one generated SBOM of that size ingested (or only read); peak working set
      cte        [--tier S|M] [--queries N] [--seed N] [--keep]   recursive-CTE baselines (SQLite, and PostgreSQL
                 when ARTIFACTGRAPH_POSTGRES is set) against the index, same targets
      versions   [--count 20000] [--seed N]          version sorting per scheme and AffectedMatcher evaluations/s
      provenance --db FILE [--queries 2000] [--seed N]   "which documents assert this edge" from an ingested store:
                 uniformly drawn edges and the most asserted ones (an older schema is migrated first, and timed)
      blast-radius [--tier S|M|L] [--queries N] [--seed N] [--images N] [--median-loops N]   BlastRadiusQuery.Run for
                 synthetic advisories (popularity-weighted, and the most popular package) over --direct with deployments;
                 --median-loops replays the 200 answers around the p50 N times (a low-noise mean for A/B pairs)
      graphql    [--tier S] [--images N] [--seconds 10] [--warmup 15] [--connections 64]   the real server's
                 50-hit blastRadius page under load, beside a static GraphQL.NET resolver of the same shape
      targets    [--tier M] [--seed N] [--images N] [--queries N] [--input DIR] [--work DIR] [--keep]   every DESIGN.md §8
                 target in one run: generate (or --input), ingest, the index loaded from that store, blast radius, the
                 CTE ratios (PostgreSQL when ARTIFACTGRAPH_POSTGRES is set), GraphQL, the 250 MB SBOM; each step its own
                 process; the figures with targets gathered in one table
    common: --results DIR (default bench/results); figures print as a table and are saved as JSON.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

if (CliRuntime.MustRestart(args[0]))
{
    return CliRuntime.Restart(args);
}

Func<BenchOptions, BenchReport, TextWriter, int>? suite = args[0] switch
{
    "generate" => GenerateSuite.Run,
    "ingest" => IngestSuite.Run,
    "commit" => CommitSuite.Run,
    "dependents" => DependentsSuite.Run,
    "all" => AllSuite.Run,
    "readers" => ReadersSuite.Run,
    "large" => LargeSuite.Run,
    "cte" => CteSuite.Run,
    "versions" => VersionsSuite.Run,
    "provenance" => ProvenanceSuite.Run,
    "blast-radius" => BlastRadiusSuite.Run,
    "graphql" => GraphQLSuite.Run,
    "targets" => TargetsSuite.Run,
    _ => null,
};
if (suite is null)
{
    Console.Error.WriteLine($"unknown verb '{args[0]}'");
    Console.Error.WriteLine(Usage);
    return 2;
}

BenchOptions options;
try
{
    options = new BenchOptions(args[1..]);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var report = new BenchReport(args[0], args);
int exit;
try
{
    exit = suite(options, report, Console.Out);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

report.Finish();
TableWriter.Write(Console.Out, report);
if (report.Metrics.Count > 0)
{
    Console.WriteLine($"results: {ResultsFile.Write(report, options.Value("--results"))}");
}

return exit;
