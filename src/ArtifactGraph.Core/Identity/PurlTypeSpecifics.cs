using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// Type rules that are more than case folding and requirement flags: the normalization_rules and
/// permitted_characters of the type definitions, plus notes that state a hard constraint.
/// </summary>
internal static partial class PurlTypeSpecifics
{
    public static bool TryApply(
        string type,
        ref string? ns,
        ref string name,
        string? version,
        IReadOnlyList<KeyValuePair<string, string>> qualifiers,
        [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (type)
        {
            case "pypi":
                // PyPI treats '_' and '-' as the same character.
                name = name.Replace('_', '-');
                break;
            case "pub":
                name = PubDisallowed().Replace(name, "_");
                break;
            case "mlflow":
                // Databricks model names are case-insensitive; Azure ML and others keep case.
                if (qualifiers.Any(q => q.Key == "repository_url" && q.Value.Contains("azuredatabricks.net", StringComparison.OrdinalIgnoreCase)))
                {
                    name = name.ToLowerInvariant();
                }

                break;
            case "chrome-extension":
                if (!ChromeId().IsMatch(name))
                {
                    error = $"a chrome-extension name is a 32-letter id in a-p, got '{name}'";
                }
                else if (version is not null && !ChromeVersion().IsMatch(version))
                {
                    error = $"a chrome-extension version has one to four numeric parts, got '{version}'";
                }

                break;
            case "cpan":
                // A '::' name is a module, not a distribution; the namespace is an upper-case CPAN id.
                ns = ns?.ToUpperInvariant();
                if (name.Contains("::", StringComparison.Ordinal))
                {
                    error = $"a cpan name is a distribution name and cannot contain '::', got '{name}'";
                }

                break;
            case "swid":
                if (ns is not null && ns.Count(c => c == '/') > 1)
                {
                    error = $"a swid namespace has at most two segments, got '{ns}'";
                }

                break;
            default:
                break;
        }

        return error is null;
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex PubDisallowed();

    [GeneratedRegex("^[a-p]{32}$")]
    private static partial Regex ChromeId();

    [GeneratedRegex("^[0-9]+(\\.[0-9]+){0,3}$")]
    private static partial Regex ChromeVersion();
}
