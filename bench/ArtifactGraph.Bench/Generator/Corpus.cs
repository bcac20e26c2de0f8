namespace ArtifactGraph.Bench.Generator;

/// <summary>One seed's universe, image plans and deployments for a tier.</summary>
internal sealed class Corpus
{
    private Corpus(Tier tier, int seed, Universe universe, ImagePlanner planner)
    {
        Tier = tier;
        Seed = seed;
        Universe = universe;
        Planner = planner;
        Clusters = DeploymentPlanner.Clusters(tier.Deployments);
        Deployments = DeploymentPlanner.Plan(seed, tier.Images, tier.Deployments, Clusters);
    }

    public IReadOnlyList<ClusterPlan> Clusters { get; }

    /// <summary>Every workload of every cluster, grouped by image in image order.</summary>
    public IReadOnlyList<DeploymentPlan> Deployments { get; }

    public Tier Tier { get; }

    public int Seed { get; }

    public Universe Universe { get; }

    public ImagePlanner Planner { get; }

    public static Corpus Create(Tier tier, int seed)
    {
        var universe = new Universe(seed, tier.PackageVersions);
        return new Corpus(tier, seed, universe, new ImagePlanner(universe, tier.BaseImages));
    }

    /// <summary>Writes every SBOM (base images first) into <paramref name="directory"/>; returns files and bytes.</summary>
    public (int Files, long Bytes, long Components) WriteJson(string directory)
    {
        Directory.CreateDirectory(directory);
        long bytes = 0, components = 0;
        var files = 0;
        foreach (var plan in Planner.Bases.Concat(Enumerable.Range(0, Tier.Images).Select(i => Planner.PlanImage(i))))
        {
            bytes += SbomWriter.Write(Universe, plan, directory);
            components += plan.Components.Count + (plan.Base is null ? 1 : 2);
            files++;
        }

        return (files, bytes, components);
    }

    /// <summary>Writes one inventory per cluster into <paramref name="directory"/>; returns files and bytes.</summary>
    public (int Files, long Bytes) WriteInventories(string directory)
    {
        Directory.CreateDirectory(directory);
        var byCluster = Deployments.ToLookup(d => d.Cluster.Index);
        long bytes = 0;
        foreach (var cluster in Clusters)
        {
            bytes += InventoryWriter.Write(Seed, cluster, byCluster[cluster.Index], directory);
        }

        return (Clusters.Count, bytes);
    }
}
