using System.Text.Json;
using System.Text.RegularExpressions;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

/// <summary>
/// Counts what a CycloneDX file should yield, straight from its JSON and written separately from the
/// reader: distinct component identities (all depths, plus metadata.component) and distinct dependency
/// pairs between components. Only the purl canonical form is shared, via Core's public <see cref="Purl"/>.
/// </summary>
internal static partial class CorpusExpectations
{
    public static bool IsCycloneDx(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("bomFormat", out var format)
        && format.ValueKind == JsonValueKind.String
        && format.GetString() == "CycloneDX";

    public static (int Identities, int DependencyPairs) Count(JsonElement root)
    {
        var identityByRef = new Dictionary<string, string>(StringComparer.Ordinal);
        var identities = new HashSet<string>(StringComparer.Ordinal);
        void Visit(JsonElement component, bool isSubject)
        {
            var identity = Identity(component, isSubject);
            identities.Add(identity);
            if (Text(component, "bom-ref") is { } bomRef)
            {
                identityByRef[bomRef] = identity;
            }

            if (component.TryGetProperty("components", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Visit(child, false);
                }
            }
        }

        if (root.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("component", out var subject))
        {
            Visit(subject, true);
        }

        if (root.TryGetProperty("components", out var components))
        {
            foreach (var component in components.EnumerateArray())
            {
                Visit(component, false);
            }
        }

        var pairs = new HashSet<(string, string)>();
        if (root.TryGetProperty("dependencies", out var dependencies))
        {
            foreach (var dependency in dependencies.EnumerateArray())
            {
                if (!dependency.TryGetProperty("dependsOn", out var dependsOn)
                    || !identityByRef.TryGetValue(dependency.GetProperty("ref").GetString()!, out var from))
                {
                    continue; // services are not components; their edges are not DEPENDS_ON edges
                }

                foreach (var target in dependsOn.EnumerateArray())
                {
                    if (identityByRef.TryGetValue(target.GetString()!, out var to))
                    {
                        pairs.Add((from, to));
                    }
                }
            }
        }

        // VEX targets that are versioned purls (or bom-links whose fragment is one) and name no component are
        // PackageVersions too: the statement is about that package version.
        if (root.TryGetProperty("vulnerabilities", out var vulnerabilities))
        {
            foreach (var affects in vulnerabilities.EnumerateArray().SelectMany(v => v.TryGetProperty("affects", out var a) ? a.EnumerateArray() : []))
            {
                var target = Text(affects, "ref")!;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var purl = identityByRef.ContainsKey(target) ? null : target.StartsWith("pkg:", StringComparison.Ordinal) ? target : hash >= 0 ? target[(hash + 1)..] : null;
                if (purl is not null && Purl.TryParse(purl, out var parsed, out _) && parsed.Version is not null)
                {
                    identities.Add("package " + parsed);
                }
            }
        }

        return (identities.Count, pairs.Count);
    }

    private static string Identity(JsonElement component, bool isSubject)
    {
        var name = Text(component, "name")!;
        var group = Text(component, "group");
        var version = Text(component, "version");
        var purl = Text(component, "purl")?.Trim();
        if (Text(component, "type") == "container")
        {
            var digest = ImageDigest(component, version, purl);
            if (digest is not null || isSubject)
            {
                return "image " + (digest ?? "ref:" + (group is { Length: > 0 } ? group + "/" + name : name));
            }
        }

        if (!string.IsNullOrEmpty(purl))
        {
            return "package " + (Purl.TryParse(purl, out var parsed, out _) ? parsed.ToString() : purl);
        }

        return "package " + Purl.Create("generic", string.IsNullOrEmpty(group) ? null : group, name, string.IsNullOrEmpty(version) ? null : version);
    }

    private static string? ImageDigest(JsonElement component, string? version, string? purl)
    {
        if (version is not null && Sha256().IsMatch(version))
        {
            return version.ToLowerInvariant();
        }

        if (purl is not null && Purl.TryParse(purl, out var parsed, out _) && parsed.Type is "oci" or "docker"
            && parsed.Version is { } purlVersion && Sha256().IsMatch(purlVersion))
        {
            return purlVersion.ToLowerInvariant();
        }

        if (component.TryGetProperty("hashes", out var hashes))
        {
            foreach (var hash in hashes.EnumerateArray())
            {
                if (Text(hash, "alg") == "SHA-256" && Text(hash, "content") is { Length: 64 } hex)
                {
                    return "sha256:" + hex.ToLowerInvariant();
                }
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^sha256:[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();
}
