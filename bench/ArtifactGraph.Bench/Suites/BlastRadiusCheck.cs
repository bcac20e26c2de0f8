using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// Sanity of a blast-radius answer, from the generator's own data and a walk of its own rather than the query's:
/// the affected versions are the package's versions in the graph below its newest; the images reached are
/// those that list an affected version or a version depending on one (reverse DEPENDS_ON among versions: an
/// image whose closure was cut at its size limit may list a dependent without the affected version itself)
/// minus the ones VEX cleared; the deployments are exactly the generated workloads running those images.
/// </summary>
internal sealed class BlastRadiusCheck(Corpus corpus, GraphIndex index)
{
    private readonly Dictionary<int, int> _deploymentsOfImage = corpus.Deployments
        .GroupBy(d => d.Image)
        .ToDictionary(g => index.TryFind(NodeKind.Image, Universe.Digest(corpus.Seed, "image", g.Key), out var node) ? node : throw new InvalidOperationException($"image {g.Key} is not in the graph"), g => g.Count());

    /// <summary>Null when the answer is right; else what is wrong.</summary>
    public string? Verify(SyntheticAdvisory advisory, BlastRadiusResult result)
    {
        if (result.Error is { } error)
        {
            return $"{advisory.Id}: {error}";
        }

        var expectedVersions = AffectedVersions(advisory);
        var actualVersions = result.AffectedPackages.Select(a => a.Node).ToHashSet();
        if (!actualVersions.SetEquals(expectedVersions))
        {
            return $"{advisory.Id} on {advisory.PackageKey}: {actualVersions.Count} affected versions, expected {expectedVersions.Count}";
        }

        var cleared = advisory.NotAffectedImages.Select(k => index.TryFind(NodeKind.Image, k, out var n) ? n : -1).ToHashSet();
        var expectedImages = new HashSet<int>();
        foreach (var version in Dependents(expectedVersions))
        {
            var holders = index.Incoming(version);
            for (var i = 0; i < holders.Count; i++)
            {
                var holder = holders.Target(i);
                if (holders.Kind(i) == EdgeKind.Contains && index.KindOf(holder) == NodeKind.Image && !cleared.Contains(holder))
                {
                    expectedImages.Add(holder);
                }
            }
        }

        var images = new HashSet<int>();
        var deploymentHits = 0;
        for (var i = 0; i < result.Closure.Count; i++)
        {
            var kind = index.KindOf(result.Closure.NodeAt(i));
            if (kind == NodeKind.Image)
            {
                images.Add(result.Closure.NodeAt(i));
            }

            deploymentHits += kind == NodeKind.Deployment ? 1 : 0;
        }

        if (!images.SetEquals(expectedImages))
        {
            return $"{advisory.Id} on {advisory.PackageKey}: {images.Count} images reached, expected {expectedImages.Count} (images listing an affected version, less {cleared.Count} cleared by VEX)";
        }

        var expectedDeployments = expectedImages.Sum(i => _deploymentsOfImage.GetValueOrDefault(i));
        if (result.Deployments.Count != expectedDeployments || deploymentHits != expectedDeployments)
        {
            return $"{advisory.Id} on {advisory.PackageKey}: {result.Deployments.Count} ranked deployments and {deploymentHits} deployment hits, expected {expectedDeployments} (the deployments of the {expectedImages.Count} images reached)";
        }

        var suppressedImages = result.Suppressed.Count(s => index.KindOf(s.Node) == NodeKind.Image);
        var clearedReachable = cleared.Count(c => c >= 0);
        if (suppressedImages < clearedReachable)
        {
            return $"{advisory.Id}: VEX cleared {clearedReachable} images but {suppressedImages} were reported suppressed";
        }

        return result.Deployments.Any(d => d.Image is null || !images.Contains(d.Image.Value))
            ? $"{advisory.Id}: a ranked deployment names no reached image"
            : null;
    }

    /// <summary>The versions and every package version that depends on one of them, transitively.</summary>
    private HashSet<int> Dependents(HashSet<int> versions)
    {
        var reached = new HashSet<int>(versions);
        var queue = new Queue<int>(versions);
        while (queue.TryDequeue(out var version))
        {
            var incoming = index.Incoming(version);
            for (var i = 0; i < incoming.Count; i++)
            {
                var source = incoming.Target(i);
                if (incoming.Kind(i) == EdgeKind.DependsOn && index.KindOf(source) == NodeKind.PackageVersion && reached.Add(source))
                {
                    queue.Enqueue(source);
                }
            }
        }

        return reached;
    }

    private HashSet<int> AffectedVersions(SyntheticAdvisory advisory)
    {
        var versions = new HashSet<int>();
        if (!index.TryFind(NodeKind.Package, advisory.PackageKey, out var package))
        {
            return versions;
        }

        var single = corpus.Universe.FirstVersion[advisory.Package + 1] - corpus.Universe.FirstVersion[advisory.Package] == 1;
        var newest = SyntheticAdvisories.NewestKey(corpus.Universe, advisory.Package);
        var incoming = index.Incoming(package);
        for (var i = 0; i < incoming.Count; i++)
        {
            if (incoming.Kind(i) == EdgeKind.VersionOf && (single || index.KeyOf(incoming.Target(i)) != newest))
            {
                versions.Add(incoming.Target(i));
            }
        }

        return versions;
    }
}
