using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// Builds the graph the CycloneDX reader would produce from the generated SBOMs straight into a
/// <see cref="GraphIndexBuilder"/>, without JSON or storage: the same nodes and edges (ontology.md's
/// mapping), deployment inventories included, so query benchmarks can run on Tier M in seconds. The only difference is the Document
/// key, which is the SHA-256 of bytes that are never written here; it is derived from the seed instead.
/// <c>generate --verify</c> checks the equivalence.
/// </summary>
internal sealed class DirectGraph
{
    private readonly Universe _universe;
    private readonly GraphIndexBuilder _builder = new();
    private readonly int[] _versionNode;
    private readonly byte[] _depsEmitted;
    private readonly Dictionary<string, int> _images = new(StringComparer.Ordinal);

    private DirectGraph(Universe universe)
    {
        _universe = universe;
        _versionNode = new int[universe.VersionCount];
        Array.Fill(_versionNode, -1);
        _depsEmitted = new byte[universe.VersionCount];
    }

    /// <returns>The index and the time spent in <see cref="GraphIndexBuilder.Build"/> alone (freezing into CSR).</returns>
    public static (GraphIndex Index, TimeSpan FreezeTime) Build(Corpus corpus)
    {
        var graph = new DirectGraph(corpus.Universe);
        foreach (var plan in corpus.Planner.Bases)
        {
            graph.Add(plan);
        }

        for (var i = 0; i < corpus.Tier.Images; i++)
        {
            graph.Add(corpus.Planner.PlanImage(i));
        }

        graph.AddInventories(corpus);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var index = graph._builder.Build(0);
        return (index, stopwatch.Elapsed);
    }

    private void Add(ImagePlan plan)
    {
        var subject = Image(plan);
        var document = _builder.AddNode(NodeKind.Document, "sha256:" + plan.SerialNumber, plan.SerialNumber);
        _builder.AddEdge(document, subject, EdgeKind.Describes);
        if (plan.Base is { } baseImage)
        {
            _builder.AddEdge(subject, Image(baseImage), EdgeKind.Contains);
        }

        foreach (var version in plan.Components)
        {
            _builder.AddEdge(subject, Version(version), EdgeKind.Contains);
        }

        foreach (var root in plan.Roots)
        {
            _builder.AddEdge(subject, _versionNode[root], EdgeKind.DependsOn);
        }

        foreach (var version in plan.Components)
        {
            // An edge is stored once however many SBOMs assert it: remember which of the (at most 8)
            // dependencies of this version already have their edge.
            var deps = _universe.DependenciesOf(version);
            for (var i = 0; i < deps.Length; i++)
            {
                var bit = (byte)(1 << i);
                if ((_depsEmitted[version] & bit) == 0 && plan.Present.Contains(deps[i]))
                {
                    _depsEmitted[version] |= bit;
                    _builder.AddEdge(_versionNode[version], _versionNode[deps[i]], EdgeKind.DependsOn);
                }
            }
        }
    }

    /// <summary>
    /// What DeploymentMapper makes of each cluster's inventory: the cluster node (the document's subject,
    /// no edges of its own) and one Deployment per workload that RUNS its image (already an SBOM subject).
    /// </summary>
    private void AddInventories(Corpus corpus)
    {
        foreach (var cluster in corpus.Clusters)
        {
            var document = _builder.AddNode(NodeKind.Document, Universe.Digest(corpus.Seed, "inventory", cluster.Index), cluster.DocumentName);
            _builder.AddEdge(document, _builder.AddNode(NodeKind.Deployment, cluster.Key, cluster.Name), EdgeKind.Describes);
        }

        foreach (var deployment in corpus.Deployments)
        {
            var node = _builder.AddNode(NodeKind.Deployment, deployment.Key, deployment.DisplayName);
            _builder.AddEdge(node, _images[Universe.Digest(corpus.Seed, "image", deployment.Image)], EdgeKind.Runs);
        }
    }

    private int Image(ImagePlan plan)
    {
        if (!_images.TryGetValue(plan.Digest, out var node))
        {
            node = _builder.AddNode(NodeKind.Image, plan.Digest, plan.Name);
            _images.Add(plan.Digest, node);
        }

        return node;
    }

    /// <summary>The PackageVersion node, created with its Package, artifact digest and licence on first use.</summary>
    private int Version(int version)
    {
        if (_versionNode[version] >= 0)
        {
            return _versionNode[version];
        }

        var package = _universe.PackageOf[version];
        var display = _universe.DisplayName(package);
        var identity = PackageIdentity.FromPurl(_universe.Purl(version));
        var node = _builder.AddNode(NodeKind.PackageVersion, identity.VersionKey, display);
        _versionNode[version] = node;
        _builder.AddEdge(node, _builder.AddNode(NodeKind.Package, identity.PackageKey, display), EdgeKind.VersionOf);
        _builder.AddEdge(node, _builder.AddNode(NodeKind.Artifact, "sha256:" + _universe.Sha256(version), null), EdgeKind.OccursAs);
        var license = _universe.License(version);
        _builder.AddEdge(node, _builder.AddNode(NodeKind.License, license, license), EdgeKind.HasLicense);
        return node;
    }
}
