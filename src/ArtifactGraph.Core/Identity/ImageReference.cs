using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// A container image reference, <c>[registry/]repository[:tag][@digest]</c>, normalized as docker does: no
/// registry means <c>docker.io</c>, and a one-segment docker.io repository gets <c>library/</c>
/// (<c>nginx</c> → <c>docker.io/library/nginx</c>). The first segment is a registry when it has a '.' or ':'
/// or is <c>localhost</c>. Repository segments must be lower-case (docker's grammar).
/// </summary>
public sealed partial record ImageReference
{
    private ImageReference(string registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary><c>docker.io</c>, <c>k8s.gcr.io</c>, <c>localhost:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The path inside the registry: <c>library/nginx</c>, <c>kube-apiserver</c>.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    /// <summary>Canonical <c>algorithm:lowerhex</c>, e.g. <c>sha256:…</c>.</summary>
    public string? Digest { get; }

    /// <summary><c>registry/repository</c>.</summary>
    public string Name => Registry + "/" + Repository;

    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference) => TryParse(text, out reference, out _);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        var value = (text ?? string.Empty).Trim();
        if (value.Length is 0 or > 1024)
        {
            error = "an image reference is 1 to 1024 characters";
            return false;
        }

        string? digest = null;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!Identity.Digest.TryParse(value[(at + 1)..], out var parsed, out var digestError))
            {
                error = digestError;
                return false;
            }

            digest = parsed.ToString();
            value = value[..at];
        }

        string? tag = null;
        var colon = value.LastIndexOf(':');
        if (colon > value.LastIndexOf('/'))
        {
            tag = value[(colon + 1)..];
            value = value[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"tag '{tag}' is not a valid image tag";
                return false;
            }
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : value[..slash];
        string registry, repository;
        if (slash > 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            registry = first;
            repository = value[(slash + 1)..];
        }
        else
        {
            registry = "docker.io";
            repository = value;
        }

        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = "docker.io";
        }

        if (!RegistryPattern().IsMatch(registry))
        {
            error = $"registry '{registry}' is not a host[:port]";
            return false;
        }

        if (!RepositoryPattern().IsMatch(repository))
        {
            error = $"repository '{repository}' is not lower-case path segments of letters, digits and separators";
            return false;
        }

        if (registry == "docker.io" && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        reference = new ImageReference(registry, repository, tag, digest);
        error = null;
        return true;
    }

    /// <summary>The full normalized form: <c>docker.io/library/nginx:latest@sha256:…</c>.</summary>
    public override string ToString() =>
        Name + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(localhost|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?$")]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();
}
