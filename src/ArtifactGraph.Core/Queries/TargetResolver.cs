using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;

namespace ArtifactGraph.Core.Queries;

/// <summary>What a query's target text resolved to. <see cref="Error"/> is set when the text is not a target at all.</summary>
public sealed record ResolvedTarget(string Query, IReadOnlyList<int> Nodes, string? Error);

/// <summary>
/// Turns a user's target (a purl with or without version, or a digest) into start nodes.
/// A versionless purl means every known version; a versioned purl without qualifiers also matches the
/// versions stored with qualifiers (syft writes <c>?arch=…&amp;distro=…</c>), since a user asking for
/// <c>pkg:apk/alpine/musl@1.2.3-r0</c> means all of them. Purls that do not parse are matched verbatim,
/// the way readers keep them (ontology.md, "Fallback identities").
/// </summary>
public static class TargetResolver
{
    public static ResolvedTarget Resolve(GraphIndex index, string text)
    {
        var query = text.Trim();
        if (query.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            return new ResolvedTarget(query, ResolvePurl(index, query), null);
        }

        if (Digest.TryParse(query, out var digest, out var digestError))
        {
            var key = digest.ToString();
            var nodes = new List<int>();
            foreach (var kind in new[] { NodeKind.Artifact, NodeKind.Image })
            {
                if (index.TryFind(kind, key, out var node))
                {
                    nodes.Add(node);
                }
            }

            return new ResolvedTarget(query, nodes, null);
        }

        return new ResolvedTarget(query, [], $"'{query}' is neither a package URL (pkg:...) nor a digest (algorithm:hex): {digestError}");
    }

    private static List<int> ResolvePurl(GraphIndex index, string query)
    {
        var identity = PackageIdentity.FromQuery(query);
        if (index.TryFind(NodeKind.PackageVersion, identity.VersionKey, out var exact))
        {
            return [exact];
        }

        if (!index.TryFind(NodeKind.Package, identity.PackageKey, out var package))
        {
            return [];
        }

        var versions = new List<int>();
        var incoming = index.Incoming(package);
        for (var i = 0; i < incoming.Count; i++)
        {
            if (incoming.Kind(i) == EdgeKind.VersionOf && Matches(identity, index.KeyOf(incoming.Target(i))))
            {
                versions.Add(incoming.Target(i));
            }
        }

        return versions;
    }

    private static bool Matches(PackageIdentity.Result query, string candidateKey)
    {
        if (!Purl.TryParse(query.VersionKey, out var wanted, out _))
        {
            // A verbatim (unparsable) query matches by its package key alone when it has no version.
            return !query.HasVersion;
        }

        if (!Purl.TryParse(candidateKey, out var candidate, out _))
        {
            return wanted.Version is null;
        }

        if (wanted.Version is not null && !string.Equals(wanted.Version, candidate.Version, StringComparison.Ordinal))
        {
            return false;
        }

        return wanted.Qualifiers.All(q => candidate.Qualifiers.Contains(q))
            && (wanted.Subpath is null || wanted.Subpath == candidate.Subpath);
    }
}
