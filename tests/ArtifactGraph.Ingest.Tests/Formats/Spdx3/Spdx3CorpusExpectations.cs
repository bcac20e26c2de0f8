using System.Text.Json;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx3;

/// <summary>
/// What an SPDX 3 corpus file should yield, counted straight from its JSON (the corpus writes compact
/// terms) and written separately from the reader: distinct package identities, and distinct
/// relationship-derived edges per kind. Only the canonical purl and digest forms come from Core.
/// </summary>
internal static class Spdx3CorpusExpectations
{
    private static readonly HashSet<string> PackageTypes = ["software_Package", "ai_AIPackage", "dataset_DatasetPackage"];

    public static Expected Count(JsonElement root)
    {
        var graph = root.GetProperty("@graph").EnumerateArray().ToList();
        var byId = graph.ToDictionary(e => Id(e), StringComparer.Ordinal);
        var identity = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in graph)
        {
            var type = Text(element, "type");
            if (type is not null && PackageTypes.Contains(type))
            {
                identity[Id(element)] = PackageKey(element);
            }
            else if (type == "software_File" && FileDigest(element) is { } digest)
            {
                identity[Id(element)] = digest;
            }
        }

        var contains = new HashSet<(string, string)>();
        var dependsOn = new HashSet<(string, string)>();
        var builtFrom = new HashSet<(string, string)>();
        var licenses = new HashSet<(string, string)>();
        foreach (var relationship in graph.Where(e => Text(e, "type") is "Relationship" or "LifecycleScopedRelationship"))
        {
            if (!identity.TryGetValue(Text(relationship, "from")!, out var from))
            {
                continue;
            }

            foreach (var to in relationship.GetProperty("to").EnumerateArray().Select(t => t.GetString()!))
            {
                var kind = Text(relationship, "relationshipType");
                if (kind is "hasDeclaredLicense" or "hasConcludedLicense")
                {
                    if (byId.TryGetValue(to, out var license) && Text(license, "simplelicensing_licenseExpression") is { } expression
                        && expression is not ("NOASSERTION" or "NONE"))
                    {
                        licenses.Add((from, expression));
                    }

                    continue;
                }

                if (!identity.TryGetValue(to, out var target))
                {
                    continue;
                }

                _ = kind switch
                {
                    "contains" when from != target => contains.Add((from, target)),
                    "dependsOn" => dependsOn.Add((from, target)),
                    "generates" => builtFrom.Add((target, from)),
                    _ => false,
                };
            }
        }

        var packages = graph.Where(e => Text(e, "type") is { } t && PackageTypes.Contains(t)).Select(e => identity[Id(e)]).Distinct().Count();
        return new Expected(packages, contains.Count, dependsOn.Count, builtFrom.Count, licenses.Count);
    }

    public static string PackageKey(JsonElement package)
    {
        var purl = Text(package, "software_packageUrl");
        if (purl is null && package.TryGetProperty("externalIdentifier", out var identifiers))
        {
            purl = identifiers.EnumerateArray().Where(i => Text(i, "externalIdentifierType") == "packageUrl").Select(i => Text(i, "identifier")).FirstOrDefault();
        }

        return purl is not null
            ? (Purl.TryParse(purl, out var parsed, out _) ? parsed.ToString() : purl)
            : Purl.Create("generic", null, Text(package, "name")!.Trim(), Text(package, "software_packageVersion")).ToString();
    }

    private static string? FileDigest(JsonElement file)
    {
        if (!file.TryGetProperty("verifiedUsing", out var hashes))
        {
            return null;
        }

        var byAlgorithm = hashes.EnumerateArray()
            .Where(h => Text(h, "type") == "Hash")
            .ToDictionary(h => Text(h, "algorithm")!, h => Text(h, "hashValue")!.ToLowerInvariant(), StringComparer.Ordinal);
        foreach (var algorithm in new[] { "sha256", "sha512", "sha1", "md5" })
        {
            if (byAlgorithm.TryGetValue(algorithm, out var hex))
            {
                return algorithm + ":" + hex;
            }
        }

        return null;
    }

    private static string Id(JsonElement element) => Text(element, "spdxId") ?? Text(element, "@id")!;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal sealed record Expected(int Packages, int Contains, int DependsOn, int BuiltFrom, int Licenses);
}
