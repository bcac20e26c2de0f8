using System.Text.Json;
using System.Text.Json.Nodes;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx2;

/// <summary>
/// What a document should produce, counted straight from the raw JSON shape (tag-value and YAML are first turned
/// into that shape by the minimal converters beside this class), without the reader's code: distinct package
/// identities, distinct file digests, distinct DEPENDS_ON and CONTAINS pairs, and whether it must be rejected.
/// </summary>
internal sealed record Spdx2IndependentCount(int Packages, int Files, int DependsOn, int Contains, string? RejectBecause)
{
    private static readonly HashSet<string> DependencyOf = ["DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF", "DEV_DEPENDENCY_OF", "BUILD_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF", "PROVIDED_DEPENDENCY_OF", "TEST_DEPENDENCY_OF"];
    private static readonly HashSet<string> DependsForward = ["DEPENDS_ON", "STATIC_LINK", "DYNAMIC_LINK"];

    public static Spdx2IndependentCount Of(JsonNode root)
    {
        if (root["spdxVersion"] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return new(0, 0, 0, 0, "spdxVersion is not a string");
        }

        if ((string?)root["SPDXID"] != "SPDXRef-DOCUMENT")
        {
            return new(0, 0, 0, 0, "document SPDXID is not SPDXRef-DOCUMENT");
        }

        var packages = Items(root, "packages");
        var files = Items(root, "files");
        var relationships = Items(root, "relationships");
        // A relationship to an element the document does not hold is skipped (with a warning), never fatal:
        // Add below ignores ids it has no key for.
        var described = Items(root, "documentDescribes").Select(d => (string?)d)
            .Concat(relationships.Where(r => (string?)r["relationshipType"] == "DESCRIBES" && (string?)r["spdxElementId"] == "SPDXRef-DOCUMENT").Select(r => (string?)r["relatedSpdxElement"]))
            .ToList();
        var syft = ((string?)root["documentNamespace"])?.Contains("anchore.com/syft/image/", StringComparison.Ordinal) == true;

        var keys = new Dictionary<string, string>();
        foreach (var p in packages)
        {
            keys[(string)p["SPDXID"]!] = PackageKey(p, syft && described.Contains((string?)p["SPDXID"]));
        }

        var packageKeys = keys.Values.ToHashSet();
        foreach (var f in files)
        {
            if (FileKey(f) is { } key)
            {
                keys[(string)f["SPDXID"]!] = key;
            }
        }

        var fileKeys = keys.Values.Where(k => k.StartsWith("file:", StringComparison.Ordinal)).ToHashSet();
        var depends = new HashSet<(string, string)>();
        var contains = new HashSet<(string, string)>();
        void Add(HashSet<(string, string)> set, string? a, string? b)
        {
            if (a is not null && b is not null && keys.TryGetValue(a, out var ka) && keys.TryGetValue(b, out var kb) && ka != kb)
            {
                set.Add((ka, kb));
            }
        }

        // An image keyed by another digest than its oci/docker purls' (a platform of an index) is contained by each of them.
        foreach (var p in packages)
        {
            var key = keys[(string)p["SPDXID"]!];
            foreach (var digest in key.StartsWith("image:", StringComparison.Ordinal) ? PurlDigests(p) : [])
            {
                if ("image:" + digest != key)
                {
                    contains.Add(("image:" + digest, key));
                }
            }
        }

        foreach (var p in packages)
        {
            foreach (var f in Items(p, "hasFiles"))
            {
                Add(contains, (string?)p["SPDXID"], (string?)f);
            }
        }

        foreach (var r in relationships)
        {
            var (a, type, b) = ((string?)r["spdxElementId"], (string?)r["relationshipType"], (string?)r["relatedSpdxElement"]);
            if (DependsForward.Contains(type!) || type == "DEPENDS_ON")
            {
                Add(depends, a, b);
            }
            else if (DependencyOf.Contains(type!))
            {
                Add(depends, b, a);
            }
            else if (type == "CONTAINS")
            {
                Add(contains, a, b);
            }
            else if (type is "CONTAINED_BY" or "PACKAGE_OF")
            {
                Add(contains, b, a);
            }
        }

        var subject = described.Select(d => d is not null && keys.TryGetValue(d, out var k) ? k : null).FirstOrDefault(k => k is not null) ?? "SUBJECT";
        var owned = contains.Where(c => packageKeys.Contains(c.Item1)).Select(c => c.Item2).ToHashSet();
        foreach (var file in fileKeys.Where(f => !owned.Contains(f) && f != subject))
        {
            contains.Add((subject, file));
        }

        if (subject == "SUBJECT")
        {
            var used = depends.Concat(contains).Select(e => e.Item2).ToHashSet();
            foreach (var root2 in packageKeys.Where(p => !used.Contains(p)))
            {
                contains.Add((subject, root2));
            }
        }

        return new(packageKeys.Count, fileKeys.Count, depends.Count, contains.Count, null);
    }

    private static List<JsonNode> Items(JsonNode node, string name) =>
        node[name] is JsonArray array ? array.Where(i => i is not null).Select(i => i!).ToList() : [];

    private static string PackageKey(JsonNode p, bool syftRoot)
    {
        var purl = Items(p, "externalRefs")
            .Where(r => ((string?)r["referenceCategory"])?.Replace('_', '-') == "PACKAGE-MANAGER" && (string?)r["referenceType"] == "purl")
            .Select(r => ((string?)r["referenceLocator"])?.Trim())
            .FirstOrDefault();
        var parsed = purl is not null && Purl.TryParse(purl, out var pp, out _) ? pp : null;
        var purlDigest = parsed?.Version is { } pv && Digest.TryParse(pv, out var d1, out _) && d1.Algorithm == "sha256" ? d1.ToString() : null;
        var imageish = syftRoot || (string?)p["primaryPackagePurpose"] == "CONTAINER" || (parsed?.Type is "oci" or "docker" && purlDigest is not null);
        if (imageish)
        {
            var checksum = Items(p, "checksums").Where(c => (string?)c["algorithm"] == "SHA256").Select(c => "sha256:" + ((string?)c["checksumValue"])?.ToLowerInvariant()).FirstOrDefault();
            var name = (string?)p["name"] ?? string.Empty;
            var at = name.IndexOf('@', StringComparison.Ordinal);
            var fromName = Digest.TryParse(at >= 0 ? name[(at + 1)..] : name, out var d2, out _) && d2.Algorithm == "sha256" ? d2.ToString() : null;
            // A per-architecture package (purl arch=) whose valid checksum differs from the purl's index digest is its own image.
            var platform = parsed?.Qualifiers.Any(q => q.Key == "arch") == true && checksum is { Length: 71 } && checksum != purlDigest ? checksum : null;
            if ((platform ?? purlDigest ?? checksum ?? fromName) is { } digest)
            {
                return "image:" + digest;
            }
        }

        var version = (string?)p["versionInfo"];
        return "pv:" + (purl is not null
            ? PackageIdentity.FromPurl(purl).VersionKey
            : PackageIdentity.FromComponent(null, ((string?)p["name"] is { Length: > 0 } n ? n : null) ?? (string?)p["packageName"] ?? (string)p["SPDXID"]!, version is "NOASSERTION" or "NONE" ? null : version).VersionKey);
    }

    private static IEnumerable<string> PurlDigests(JsonNode p) => Items(p, "externalRefs")
        .Where(r => ((string?)r["referenceCategory"])?.Replace('_', '-') == "PACKAGE-MANAGER" && (string?)r["referenceType"] == "purl")
        .Select(r => Purl.TryParse(((string?)r["referenceLocator"])?.Trim(), out var parsed, out _) && parsed.Type is "oci" or "docker"
            && Digest.TryParse(parsed.Version, out var d, out _) && d.Algorithm == "sha256" && d.Hex.Length == 64 ? d.ToString() : null)
        .OfType<string>()
        .Distinct();

    private static string? FileKey(JsonNode f)
    {
        var digests = Items(f, "checksums")
            .Select(c => Digest.TryCreate((string?)c["algorithm"] ?? string.Empty, (string?)c["checksumValue"] ?? string.Empty, out var d, out _) ? d.ToString() : null)
            .OfType<string>()
            .ToList();
        var key = digests.FirstOrDefault(d => d.StartsWith("sha256:", StringComparison.Ordinal))
            ?? digests.FirstOrDefault(d => d.StartsWith("sha1:", StringComparison.Ordinal))
            ?? digests.FirstOrDefault();
        return key is null ? null : "file:" + key;
    }
}
