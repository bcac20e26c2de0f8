namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// Corpus sizes. M is DESIGN.md §8's Tier M (10k images × ~1,000 components, 500k package versions);
/// S is for quick runs; L is 5× M. The package universe and the deployments scale with the image count.
/// </summary>
internal sealed record Tier(string Name, int Images, int PackageVersions, int BaseImages)
{
    /// <summary>Workloads in the deployment inventories: S 150, M 30,000, L 150,000.</summary>
    public int Deployments => Images * DeploymentPlanner.PerImage;

    public static Tier Parse(string? name, int? images = null)
    {
        var tier = (name ?? "S").ToUpperInvariant() switch
        {
            "S" => new Tier("S", 50, 20_000, 3),
            "M" => new Tier("M", 10_000, 500_000, 8),
            "L" => new Tier("L", 50_000, 2_500_000, 12),
            _ => throw new ArgumentException($"unknown tier '{name}' (S, M or L)"),
        };
        return images is { } n ? tier with { Images = n } : tier;
    }
}
