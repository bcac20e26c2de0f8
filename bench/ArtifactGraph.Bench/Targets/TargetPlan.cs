using ArtifactGraph.Bench.Generator;

namespace ArtifactGraph.Bench.Targets;

/// <summary>
/// The runs that together measure every DESIGN.md §8 target for one tier, in the order they depend on each other:
/// the generated SBOMs are ingested through the readers, and the index loaded from that store is what the memory
/// figures and the store-loaded queries read. The suites' own commands, so each figure means what it means when its
/// suite runs alone (docs/BENCHMARKS.md, "What each figure means").
/// </summary>
internal static class TargetPlan
{
    private const string NoServer = "no PostgreSQL server (set ARTIFACTGRAPH_POSTGRES: eval \"$(scripts/postgres-dev.sh start)\")";

    /// <param name="sboms">Where the SBOMs are (or are generated into, unless <paramref name="generate"/> is false).</param>
    /// <param name="db">The SQLite file the ingest step writes and the next step loads.</param>
    /// <param name="postgres">Whether ARTIFACTGRAPH_POSTGRES names a server (the CTE ratio's peer).</param>
    public static IReadOnlyList<TargetStep> For(Tier tier, int seed, int? images, int queries, string sboms, bool generate, string db, bool postgres)
    {
        var seedArgs = new[] { "--seed", Invariant(seed) };
        var tierArgs = images is { } n ? new[] { "--tier", tier.Name, "--images", Invariant(n) } : ["--tier", tier.Name];
        var queryArgs = new[] { "--queries", Invariant(queries) };
        var steps = new List<TargetStep>();
        if (generate)
        {
            steps.Add(new("generate", ["generate", .. tierArgs, .. seedArgs, "--out", sboms]));
        }

        steps.Add(new("ingest", ["ingest", "--input", sboms, "--db", db, .. seedArgs]));
        // Run for the index's memory figures, measured on what the readers wrote. Its own queries (the closure without
        // advisory matching, VEX or ranking) have the blast radius's targets too, but §8's blast radius is the next step.
        steps.Add(new(
            "index from the ingested store",
            ["dependents", "--db", db, .. queryArgs, .. seedArgs],
            Gathers: metric => metric.Name.StartsWith("bytes per", StringComparison.Ordinal),
            Leaves: "its closure queries' figures are in its results file; §8's blast radius is the blast-radius step's"));
        steps.Add(new("blast radius", ["blast-radius", .. tierArgs, .. queryArgs, .. seedArgs]));

        // Past tier S the SQLite CTE's copy and worst case take most of an hour (BENCHMARKS-HISTORY.md, "Relational
        // baselines"); PostgreSQL is the peer §8 names, so above S only it runs, and without a server nothing does.
        var cteQueries = new[] { "--queries", Invariant(Math.Min(queries, 200)) };
        steps.Add(tier.Name == "S"
            ? new("recursive CTE baselines", ["cte", .. tierArgs, .. cteQueries, .. seedArgs, "--stores", postgres ? "both" : "sqlite"], Leaves: postgres ? null : NoServer + ": the SQLite CTE only, and §8's ratio is against PostgreSQL")
            : new("recursive CTE baselines", ["cte", .. tierArgs, .. cteQueries, .. seedArgs, "--stores", "postgres"], postgres ? null : NoServer + "; the SQLite CTE alone takes most of an hour above tier S"));

        // §8 names no tier for GraphQL: the server's page over tier S, as the suite runs by default.
        steps.Add(new("GraphQL", ["graphql", .. seedArgs]));
        steps.Add(new("250 MB SBOM", ["large", "--mb", "250", .. seedArgs]));
        return steps;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
