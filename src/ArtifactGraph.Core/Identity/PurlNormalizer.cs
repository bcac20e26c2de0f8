using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// Validates and normalizes decoded purl components. Parsing and building both end here, so a
/// parsed purl and one built from the same components are always identical.
/// </summary>
internal static partial class PurlNormalizer
{
    public static bool TryNormalize(
        string? type,
        string? ns,
        string? name,
        string? version,
        IEnumerable<KeyValuePair<string, string>>? qualifiers,
        string? subpath,
        [NotNullWhen(true)] out Purl? purl,
        [NotNullWhen(false)] out string? error)
    {
        purl = null;
        if (string.IsNullOrEmpty(type) || !TypePattern().IsMatch(type))
        {
            error = type is null or "" ? "a purl needs a type" : $"type '{type}' must start with a letter and hold only letters, digits, '.', '+' and '-'";
            return false;
        }

        if (string.IsNullOrEmpty(name))
        {
            error = "a purl needs a name";
            return false;
        }

        // '.' and '..' are relative-path steps (Go's "./api" replace targets), not package coordinates.
        if (name is "." or ".." || HasDotSegment(ns))
        {
            error = "a namespace segment or name cannot be '.' or '..'";
            return false;
        }

        var lowerType = type.ToLowerInvariant();
        var rule = PurlTypeRules.For(lowerType);
        if (!TryNormalizeQualifiers(qualifiers, out var sortedQualifiers, out error))
        {
            return false;
        }

        // Most namespaces are one segment (a parsed one has no empty segments left): no split and join.
        var nsValue = string.IsNullOrEmpty(ns) ? null : ns;
        if (nsValue is not null && nsValue.Contains('/', StringComparison.Ordinal))
        {
            var segments = nsValue.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (rule.NameIsPath && segments.Length > 1)
            {
                name = string.Join('/', segments[1..]) + "/" + name;
                segments = segments[..1];
            }

            nsValue = segments.Length == 0 ? null : string.Join('/', segments);
        }

        var versionValue = string.IsNullOrEmpty(version) ? null : version;
        var subpathValue = NormalizeSubpath(subpath);
        if (rule.LowerNamespace) { nsValue = nsValue?.ToLowerInvariant(); }
        if (rule.LowerName) { name = name.ToLowerInvariant(); }
        if (rule.LowerVersion) { versionValue = versionValue?.ToLowerInvariant(); }

        if (!PurlTypeSpecifics.TryApply(lowerType, ref nsValue, ref name, versionValue, sortedQualifiers, out error))
        {
            return false;
        }

        error = CheckRequirements(rule, nsValue, sortedQualifiers);
        if (error is not null)
        {
            return false;
        }

        purl = new Purl(lowerType, nsValue, name, versionValue, sortedQualifiers, subpathValue);
        return true;
    }

    private static bool HasDotSegment(string? ns)
    {
        if (ns is null || !ns.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var range in ns.AsSpan().Split('/'))
        {
            if (ns.AsSpan()[range] is "." or "..")
            {
                return true;
            }
        }

        return false;
    }

    private static string? CheckRequirements(PurlTypeRule rule, string? ns, IReadOnlyList<KeyValuePair<string, string>> qualifiers)
    {
        if (rule.Namespace == PurlRequirement.Required && ns is null)
        {
            return $"a {rule.Type} purl needs a namespace";
        }

        if (rule.Namespace == PurlRequirement.Prohibited && ns is not null)
        {
            return $"a {rule.Type} purl has no namespace, got '{ns}'";
        }

        if (rule.RequiredQualifier is { } key && !qualifiers.Any(q => q.Key == key))
        {
            return $"a {rule.Type} purl needs the '{key}' qualifier";
        }

        return null;
    }

    private static bool TryNormalizeQualifiers(
        IEnumerable<KeyValuePair<string, string>>? qualifiers,
        out IReadOnlyList<KeyValuePair<string, string>> sorted,
        [NotNullWhen(false)] out string? error)
    {
        if (qualifiers is null || (qualifiers.TryGetNonEnumeratedCount(out var count) && count == 0))
        {
            sorted = [];
            error = null;
            return true;
        }

        // Sorted by insertion into a list: purls carry a handful of qualifiers, and a SortedDictionary (a node per
        // qualifier) then a copy was most of a cold parse's garbage after the substrings.
        var byKey = new List<KeyValuePair<string, string>>(qualifiers.TryGetNonEnumeratedCount(out count) ? count : 4);
        foreach (var (rawKey, value) in qualifiers)
        {
            // Keys are case-insensitive in the spec; upper-case keys are common in real SBOMs.
            var key = (rawKey ?? string.Empty).ToLowerInvariant();
            if (!KeyPattern().IsMatch(key))
            {
                sorted = [];
                error = $"qualifier key '{rawKey}' must start with a letter and hold only letters, digits, '.', '-' and '_'";
                return false;
            }

            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var at = byKey.Count;
            while (at > 0 && string.CompareOrdinal(byKey[at - 1].Key, key) > 0)
            {
                at--;
            }

            if (at > 0 && byKey[at - 1].Key == key)
            {
                sorted = [];
                error = $"qualifier '{key}' appears more than once";
                return false;
            }

            byKey.Insert(at, new(key, value));
        }

        sorted = byKey;
        error = null;
        return true;
    }

    /// <summary>'.' and '..' segments are dropped rather than resolved: a subpath must not escape the package.</summary>
    private static string? NormalizeSubpath(string? subpath)
    {
        if (subpath is null)
        {
            return null;
        }

        var kept = (subpath ?? string.Empty)
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not "." and not "..")
            .ToArray();
        return kept.Length == 0 ? null : string.Join('/', kept);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9.+-]*$")]
    private static partial Regex TypePattern();

    [GeneratedRegex("^[a-z][a-z0-9._-]*$")]
    private static partial Regex KeyPattern();
}
