namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// One SBOM's content before it is written: the subject image, its base image (none for a base image's
/// own SBOM), its package versions in document order and the ones the subject depends on directly.
/// Both the JSON writer and the direct index builder read a plan, so they cannot disagree.
/// </summary>
internal sealed class ImagePlan
{
    public required string FileName { get; init; }

    public required string Name { get; init; }

    public required string Digest { get; init; }

    /// <summary>The base image's own plan; null when this plan is a base image.</summary>
    public ImagePlan? Base { get; init; }

    public required List<int> Components { get; init; }

    public required HashSet<int> Present { get; init; }

    public required List<int> Roots { get; init; }

    /// <summary>A stable document timestamp (the generator reads no clock).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required string SerialNumber { get; init; }

    /// <summary>Dependencies of <paramref name="version"/> that this image also holds.</summary>
    public IEnumerable<int> PresentDependencies(Universe universe, int version)
    {
        var deps = universe.DepOffsets;
        for (var i = deps[version]; i < deps[version + 1]; i++)
        {
            var target = universe.Deps[i];
            if (Present.Contains(target))
            {
                yield return target;
            }
        }
    }
}
