using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// Versionless package purls drawn in proportion to popularity, where a package's popularity is the
/// number of CONTAINS edges into its versions (how many images and packages list it). Computed from the
/// index itself, so a graph loaded from any store gets the same kind of workload.
/// </summary>
internal static class QueryWorkload
{
    public static (List<string> Queries, string MostPopular, long MostPopularWeight) Draw(GraphIndex index, int count, int seed)
    {
        var packages = new List<int>();
        var cumulative = new List<double>();
        var total = 0.0;
        var best = -1;
        long bestWeight = -1;
        foreach (var package in index.NodesOfKind(NodeKind.Package).Order())
        {
            long weight = 0;
            var versions = index.Incoming(package);
            for (var i = 0; i < versions.Count; i++)
            {
                if (versions.Kind(i) == EdgeKind.VersionOf)
                {
                    weight += Listings(index, versions.Target(i));
                }
            }

            if (weight == 0)
            {
                continue;
            }

            if (weight > bestWeight)
            {
                (best, bestWeight) = (package, weight);
            }

            total += weight;
            packages.Add(package);
            cumulative.Add(total);
        }

        if (packages.Count == 0)
        {
            throw new InvalidOperationException("the graph has no package that any image or package lists");
        }

        var rng = Rng.For(seed, 9, 0);
        var queries = new List<string>(count);
        for (var q = 0; q < count; q++)
        {
            var at = cumulative.BinarySearch(rng.NextDouble() * total);
            queries.Add(index.KeyOf(packages[Math.Min(at < 0 ? ~at : at, packages.Count - 1)]));
        }

        return (queries, index.KeyOf(best), bestWeight);
    }

    private static int Listings(GraphIndex index, int version)
    {
        var count = 0;
        var incoming = index.Incoming(version);
        for (var i = 0; i < incoming.Count; i++)
        {
            count += incoming.Kind(i) == EdgeKind.Contains ? 1 : 0;
        }

        return count;
    }
}
