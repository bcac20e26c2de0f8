namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// Where the images run, deterministically from the seed: <see cref="PerImage"/> deployments per image on
/// average, Zipf-skewed (popular images run many times, ~20% of the images run nowhere), spread over one
/// cluster per ~1,000 workloads (at least three: production, staging, development in 5:3:2), with
/// replicas (more in production) and exposure (internet-facing mostly in production).
/// </summary>
internal static class DeploymentPlanner
{
    public const int PerImage = 3;
    private const double Idle = 0.2;
    private const double Skew = 0.9;
    private const int WorkloadsPerCluster = 1_000;
    private static readonly string[] Regions = ["eu-west-1", "us-east-1", "ap-south-1", "us-west-2"];

    public static IReadOnlyList<ClusterPlan> Clusters(int deployments) =>
        Enumerable.Range(0, Math.Max(3, deployments / WorkloadsPerCluster)).Select(Cluster).ToList();

    /// <summary>Every deployment, grouped by image in image order (an image's first deployment is named after it).</summary>
    public static List<DeploymentPlan> Plan(int seed, int images, int deployments, IReadOnlyList<ClusterPlan> clusters)
    {
        var counts = Counts(seed, images, deployments);
        var plans = new List<DeploymentPlan>(deployments);
        for (var image = 0; image < images; image++)
        {
            for (var k = 0; k < counts[image]; k++)
            {
                var rng = Rng.For(seed, 8, ((long)image << 24) | (uint)k);
                var cluster = clusters[rng.Next(clusters.Count)];
                var u = rng.NextDouble();
                var kind = u < 0.8 ? "deployment" : u < 0.95 ? "statefulset" : "daemonset";
                var production = cluster.Environment == "production";
                int? replicas = kind == "daemonset" ? null : (int)Math.Clamp(Math.Round(Math.Exp((0.8 * rng.NextGaussian()) + (production ? 1.1 : 0))), 1, 64);
                var internet = production ? 0.2 : cluster.Environment == "staging" ? 0.05 : 0.02;
                var exposure = rng.NextDouble() < internet ? "internet" : rng.NextDouble() < 0.5 ? "internal" : null;
                var name = k == 0 ? $"service-{image}" : $"service-{image}-{k}";
                plans.Add(new DeploymentPlan(cluster, ImagePlanner.TeamOf(image), kind, name, image, replicas, exposure));
            }
        }

        return plans;
    }

    /// <summary>Deployments per image: one for each image that runs at all, the rest by Zipf over a seeded popularity order.</summary>
    private static int[] Counts(int seed, int images, int deployments)
    {
        var counts = new int[images];
        var running = Enumerable.Range(0, images).Where(i => Rng.For(seed, 5, i).NextDouble() >= Idle).ToArray();
        if (running.Length == 0 || deployments == 0)
        {
            return counts;
        }

        var rng = Rng.For(seed, 6, 0);
        for (var i = running.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (running[i], running[j]) = (running[j], running[i]);
        }

        foreach (var image in running.Take(deployments))
        {
            counts[image] = 1;
        }

        var zipf = new ZipfTable(running.Length, Skew);
        for (var d = running.Length; d < deployments; d++)
        {
            counts[running[zipf.Sample(ref rng)]]++;
        }

        return counts;
    }

    /// <summary>Cluster c: production, staging or development (c = 0, 1, 2 are one of each), in a region.</summary>
    private static ClusterPlan Cluster(int c)
    {
        var environment = (c % 10) switch
        {
            0 or 3 or 4 or 6 or 9 => "production",
            1 or 5 or 8 => "staging",
            _ => "development",
        };
        var prefix = environment switch { "production" => "prod", "staging" => "stg", _ => "dev" };
        return new ClusterPlan(c, environment, $"{prefix}-{Regions[c % Regions.Length]}-{c:D3}");
    }
}
