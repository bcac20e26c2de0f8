using System.Runtime.CompilerServices;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

public enum TagResolutionStatus
{
    /// <summary>Exactly one digest image carries the reference's repository and tag.</summary>
    Resolved,

    /// <summary>No digest image in the graph carries it: report the reference as unresolved.</summary>
    Unresolved,

    /// <summary>Several unrelated digest images carry it (the tag moved): report them, do not guess.</summary>
    Ambiguous,
}

/// <summary>How a tag reference resolved: <see cref="Images"/> are the digest Image nodes (one when resolved).</summary>
public sealed record TagResolution(TagResolutionStatus Status, string Reference, IReadOnlyList<int> Images);

/// <summary>
/// Resolves tag-only Image nodes (<c>ref:&lt;repository&gt;:&lt;tag&gt;</c>, what an inventory records when it knows no
/// digest) to digest Image nodes through what the graph knows: the digest images whose name (<c>repository:tag</c>,
/// as SBOM readers write it) has the same canonical repository and tag. Canonical: docker.io/library default,
/// repository lower-cased, registry kept, no tag = <c>latest</c>. Never merges nodes: a query calls
/// <see cref="Resolve"/> going forward and <see cref="ReferencesTo"/> going backward (from an image to the
/// deployments that run it by tag). When several digests share the tag but one of them CONTAINS all the others
/// (an image index and its platform images) the index is the answer; otherwise the result is ambiguous.
/// Built once per snapshot (<see cref="For"/> caches it).
/// </summary>
public sealed class ImageTagResolver
{
    private static readonly ConditionalWeakTable<GraphIndex, ImageTagResolver> Cache = [];

    private readonly GraphIndex _index;
    private readonly Dictionary<string, List<int>> _digestsByReference = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _referencesTo = [];
    private readonly Dictionary<int, TagResolution> _resolutions = [];
    private readonly Dictionary<int, TagResolution> _fallbacks = [];
    private readonly Dictionary<int, List<int>> _fallbacksTo = [];

    private ImageTagResolver(GraphIndex index)
    {
        _index = index;
        var references = new List<int>();
        foreach (var node in index.NodesOfKind(NodeKind.Image))
        {
            if (IsTagReference(node))
            {
                references.Add(node);
            }
            else if (index.NameOf(node) is { } name && Canonical(name) is { } canonical)
            {
                Add(_digestsByReference, canonical, node);
            }
        }

        foreach (var reference in references)
        {
            var resolution = Decide(reference);
            _resolutions[reference] = resolution;
            if (resolution.Status == TagResolutionStatus.Resolved)
            {
                Add(_referencesTo, resolution.Images[0], reference);
            }
        }

        foreach (var candidates in _digestsByReference.Values.Where(c => c.Count > 1))
        {
            foreach (var bare in candidates.Where(c => !IsDescribed(c)))
            {
                var described = candidates.Where(IsDescribed).ToList();
                var resolution = Pick(_index.NameOf(bare) ?? string.Empty, described);
                _fallbacks[bare] = resolution;
                if (resolution.Status == TagResolutionStatus.Resolved)
                {
                    Add(_fallbacksTo, resolution.Images[0], bare);
                }
            }
        }
    }

    public static ImageTagResolver Build(GraphIndex index) => new(index);

    /// <summary>The resolver of a snapshot, built on first use and kept as long as the snapshot lives.</summary>
    public static ImageTagResolver For(GraphIndex index) => Cache.GetValue(index, Build);

    /// <summary>Whether the node is a tag-only Image (key <c>ref:…</c>).</summary>
    public bool IsTagReference(int node) =>
        _index.KindOf(node) == NodeKind.Image && _index.Utf8KeyOf(node).StartsWith("ref:"u8);

    /// <summary>The digest image(s) a tag-only Image stands for; a digest image resolves to itself.</summary>
    public TagResolution Resolve(int node)
    {
        if (_resolutions.TryGetValue(node, out var resolution))
        {
            return resolution;
        }

        var name = _index.NameOf(node) ?? _index.KeyOf(node);
        return new TagResolution(TagResolutionStatus.Resolved, name, [node]);
    }

    /// <summary>The tag-only Image nodes that resolve to this digest image (so a reverse walk reaches their deployments).</summary>
    public IReadOnlyList<int> ReferencesTo(int digestNode) =>
        _referencesTo.TryGetValue(digestNode, out var list) ? list : [];

    /// <summary>
    /// For a digest image nothing describes (no CONTAINS/DEPENDS_ON of its own — typically the digest a cluster reported,
    /// which may be an image index while the SBOM was made for a platform manifest or keyed by config id): the described
    /// digest images with the same repository and tag. This is a match on the tag, not the digest: a caller that uses it
    /// must say so ("runs &lt;digest&gt;, SBOM found for the tag only"). Null when the image is described or no other digest image
    /// has its tag; unresolved when none of those is described either.
    /// </summary>
    public TagResolution? DescribedByTag(int digestNode) => _fallbacks.GetValueOrDefault(digestNode);

    /// <summary>The undescribed digest images whose <see cref="DescribedByTag"/> resolves to this described image.</summary>
    public IReadOnlyList<int> TagTwinsOf(int describedNode) =>
        _fallbacksTo.TryGetValue(describedNode, out var list) ? list : [];

    /// <summary>Every tag-only Image node with its resolution (for reports of what is unresolved or ambiguous).</summary>
    public IEnumerable<(int Node, TagResolution Resolution)> All() => _resolutions.Select(r => (r.Key, r.Value));

    /// <summary>
    /// The references an image is known by, canonical (<see cref="Canonical"/>), distinct and sorted: its own name as an
    /// SBOM wrote it, and every tag-only reference that resolves to it. The image report and the risk report both answer
    /// with this, so one image has one set of tags (<c>nginx:1.25</c> and <c>docker.io/library/nginx:1.25</c> are one). A
    /// name that is not an image reference is kept as written.
    /// </summary>
    public static IReadOnlyList<string> TagsOf(GraphIndex index, int image)
    {
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        if (index.NameOf(image) is { } own)
        {
            tags.Add(Canonical(own) ?? own);
        }

        foreach (var reference in For(index).ReferencesTo(image))
        {
            var key = index.KeyOf(reference);
            tags.Add(Canonical(key) ?? key[4..]);
        }

        return [.. tags];
    }

    /// <summary>
    /// <c>registry/repository:tag</c> of an image reference or name (a digest suffix dropped), or null when the text
    /// is not an image reference.
    /// </summary>
    public static string? Canonical(string text)
    {
        var value = text.Trim();
        if (value.StartsWith("ref:", StringComparison.Ordinal))
        {
            value = value[4..];
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        value = at >= 0 ? value[..at] : value;
        var colon = value.LastIndexOf(':');
        var hasTag = colon > value.LastIndexOf('/');
        var repository = hasTag ? value[..colon] : value;
        var tag = hasTag ? value[colon..] : string.Empty;
        return ImageReference.TryParse(repository.ToLowerInvariant() + tag, out var reference)
            ? reference.Name + ":" + (reference.Tag ?? "latest")
            : null;
    }

    private TagResolution Decide(int reference)
    {
        var key = _index.KeyOf(reference);
        var canonical = Canonical(key);
        if (canonical is null || !_digestsByReference.TryGetValue(canonical, out var candidates))
        {
            return new TagResolution(TagResolutionStatus.Unresolved, canonical ?? key[4..], []);
        }

        return Pick(canonical, candidates);
    }

    /// <summary>One candidate resolves; several resolve to the one that CONTAINS all the others (an index), else are ambiguous.</summary>
    private TagResolution Pick(string reference, List<int> candidates)
    {
        var canonical = Canonical(reference) ?? reference;
        if (candidates.Count <= 1)
        {
            return new TagResolution(candidates.Count == 1 ? TagResolutionStatus.Resolved : TagResolutionStatus.Unresolved, canonical, candidates);
        }

        var index = candidates.Where(c => candidates.All(other => other == c || _index.HasEdge(c, other, EdgeKind.Contains))).ToList();
        return index.Count == 1
            ? new TagResolution(TagResolutionStatus.Resolved, canonical, index)
            : new TagResolution(TagResolutionStatus.Ambiguous, canonical, candidates);
    }

    /// <summary>Whether an image has content of its own in the graph (an SBOM described it).</summary>
    private bool IsDescribed(int image)
    {
        var edges = _index.Outgoing(image);
        for (var i = 0; i < edges.Count; i++)
        {
            if (edges.Kind(i) is EdgeKind.Contains or EdgeKind.DependsOn)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int node)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(node);
    }

    private static void Add(Dictionary<int, List<int>> map, int key, int node)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(node);
    }
}
