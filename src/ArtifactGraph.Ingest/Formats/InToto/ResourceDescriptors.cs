using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.InToto;

/// <summary>
/// Maps in-toto resource descriptors (statement subjects, SLSA materials / resolvedDependencies) to nodes:
/// a git repository with a revision → Source <c>&lt;url&gt;@&lt;rev&gt;</c>; anything with a digest → Artifact
/// keyed by its preferred digest (others as <c>digest:&lt;alg&gt;</c>), plus its PackageVersion when the
/// name or uri is a purl; a purl without digest → PackageVersion.
/// </summary>
internal static class ResourceDescriptors
{
    private static readonly string[] Forges = ["github.com", "gitlab.com", "bitbucket.org"];

    public static NodeRef MapSubject(JsonElement subject, string pointer, AttestationDocument document)
    {
        if (subject.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType(pointer, "an object", subject.ValueKind);
        }

        return Map(subject, pointer, document, isMaterial: false)
            ?? throw new DocumentRejectedException(pointer, "subject has no usable digest and no package URL: nothing identifies it");
    }

    /// <summary>Null (with a warning) for a material nothing identifies: no digest, not a repository, not a purl.</summary>
    public static NodeRef? MapMaterial(JsonElement material, string pointer, AttestationDocument document)
    {
        if (material.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType(pointer, "an object", material.ValueKind);
        }

        var node = Map(material, pointer, document, isMaterial: true);
        if (node is null)
        {
            document.Builder.Warn(pointer, $"material '{JsonValues.OptionalString(material, "uri", pointer)}' has no digest and is not a git repository or package URL: not linked");
        }

        return node;
    }

    private static NodeRef? Map(JsonElement element, string pointer, AttestationDocument document, bool isMaterial)
    {
        var name = JsonValues.OptionalString(element, "name", pointer);
        var uri = JsonValues.OptionalString(element, "uri", pointer);
        var raw = DigestSets.ReadRaw(JsonValues.OptionalObject(element, "digest", pointer), JsonPointers.Child(pointer, "digest"), document);
        var locator = uri ?? name;
        var builder = document.Builder;

        if (Repository(locator, raw, isMaterial) is { } location)
        {
            var revision = Revision(raw, document);
            return SourceNodes.Add(builder, location, revision ?? (isMaterial ? null : location.Ref));
        }

        var digests = DigestSets.Valid(raw, document);
        var purl = locator is not null && locator.StartsWith("pkg:", StringComparison.Ordinal) ? PackageIdentity.FromPurl(locator) : null;
        NodeRef? package = null;
        if (purl is not null)
        {
            package = builder.AddNode(new NodeRef(NodeKind.PackageVersion, purl.VersionKey), purl.Name, purl.Error is null ? null : [new("purl:invalid", purl.Error)]);
            var versionless = builder.AddNode(new NodeRef(NodeKind.Package, purl.PackageKey), purl.Name);
            builder.AddEdge(EdgeKind.VersionOf, package.Value, versionless);
        }

        if (digests.Count == 0)
        {
            return package;
        }

        var key = DigestSets.Key(digests);
        var properties = digests.Where(d => d != key).Select(d => new KeyValuePair<string, string>("digest:" + d.Algorithm, d.Hex)).ToList();
        if (uri is not null && name is not null)
        {
            properties.Add(new("intoto:uri", uri));
        }

        var artifact = builder.AddNode(new NodeRef(NodeKind.Artifact, key.ToString()), name ?? uri, properties);
        if (package is { } version)
        {
            builder.AddEdge(EdgeKind.OccursAs, version, artifact);
        }

        return artifact;
    }

    /// <summary>
    /// The repository a descriptor names, when it plainly names one: a <c>git+</c>, <c>git://</c> or
    /// <c>git@</c> URL, a <c>.git</c> URL, a descriptor with a gitCommit digest, or (materials) a forge URL
    /// of exactly owner/repo.
    /// </summary>
    private static SourceLocation? Repository(string? locator, List<(string Algorithm, string Value, string Pointer)> raw, bool isMaterial)
    {
        if (locator is null || locator.StartsWith("pkg:", StringComparison.Ordinal))
        {
            return null;
        }

        var hasGitCommit = raw.Any(r => r.Algorithm.Equals("gitCommit", StringComparison.OrdinalIgnoreCase));
        var explicitGit = locator.StartsWith("git+", StringComparison.OrdinalIgnoreCase) || locator.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
            || locator.StartsWith("git@", StringComparison.OrdinalIgnoreCase) || locator.Split('@', '#')[0].EndsWith(".git", StringComparison.OrdinalIgnoreCase);
        if (!SourceLocation.TryParse(locator, assumeGit: explicitGit || hasGitCommit, out var location))
        {
            return null;
        }

        if (explicitGit || hasGitCommit)
        {
            return location;
        }

        if (!isMaterial || !Uri.TryCreate(locator, UriKind.Absolute, out var uri) || !Forges.Contains(uri.Host.ToLowerInvariant()))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 2 ? location : null;
    }

    /// <summary>
    /// The commit a repository descriptor is at: gitCommit, else sha1, else a 40-hex value under another label
    /// (a commit id mislabelled, e.g. "sha256" with 40 characters: warned). A 64-hex sha256 is not taken as a
    /// commit (it may as well be an archive's digest): the material links to the repository without revision.
    /// </summary>
    private static string? Revision(List<(string Algorithm, string Value, string Pointer)> raw, AttestationDocument document)
    {
        static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigit);
        var gitCommit = raw.FindIndex(r => r.Algorithm.Equals("gitCommit", StringComparison.OrdinalIgnoreCase) && (IsHex(r.Value, 40) || IsHex(r.Value, 64)));
        if (gitCommit >= 0)
        {
            return raw[gitCommit].Value.ToLowerInvariant();
        }

        var sha1 = raw.FindIndex(r => r.Algorithm.Equals("sha1", StringComparison.OrdinalIgnoreCase) && IsHex(r.Value, 40));
        if (sha1 >= 0)
        {
            return raw[sha1].Value.ToLowerInvariant();
        }

        var commits = raw.Where(r => IsHex(r.Value, 40)).ToList();
        if (commits.Select(c => c.Value.ToLowerInvariant()).Distinct().Count() > 1)
        {
            throw new DocumentRejectedException(commits[0].Pointer, "a git repository with several different 40-hex digests and no gitCommit or sha1: which commit is meant is ambiguous");
        }

        if (commits.Count == 1)
        {
            document.Builder.Warn(commits[0].Pointer, $"a git repository's digest is labelled '{commits[0].Algorithm}' but has 40 hex characters, the length of a git commit id: taken as the commit");
            return commits[0].Value.ToLowerInvariant();
        }

        foreach (var other in raw)
        {
            document.Builder.Warn(other.Pointer, $"a git repository's '{other.Algorithm}' digest is not a commit id: linked to the repository without a revision");
        }

        return null;
    }
}
