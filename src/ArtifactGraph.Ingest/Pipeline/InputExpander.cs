using System.Text.RegularExpressions;

namespace ArtifactGraph.Ingest.Pipeline;

/// <summary>
/// Expands the CLI's PATH arguments: files as given, folders recursively, and globs (<c>*</c>, <c>?</c>,
/// <c>**</c> for any depth) for shells that pass them through unexpanded. Order is stable (ordinal).
/// </summary>
public static class InputExpander
{
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<string> Missing);

    public static Expansion Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var found = ExpandOne(argument).ToList();
            if (found.Count == 0)
            {
                missing.Add(argument);
            }

            foreach (var file in found)
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    files.Add(file);
                }
            }
        }

        return new Expansion(files, missing);
    }

    private static IEnumerable<string> ExpandOne(string argument)
    {
        if (File.Exists(argument))
        {
            return [argument];
        }

        if (Directory.Exists(argument))
        {
            return Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal);
        }

        return argument.IndexOfAny(['*', '?']) >= 0 ? Glob(argument) : [];
    }

    private static IEnumerable<string> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        var root = string.Join('/', segments[..firstWild]);
        var baseDir = root.Length == 0 ? "." : root;
        if (normalized.StartsWith('/') && root.Length == 0)
        {
            baseDir = "/";
        }

        if (!Directory.Exists(baseDir))
        {
            return [];
        }

        var regex = new Regex("^" + PatternToRegex(segments[firstWild..]) + "$", RegexOptions.CultureInvariant);
        return Directory.EnumerateFiles(baseDir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && regex.IsMatch(Path.GetRelativePath(baseDir, f).Replace('\\', '/')))
            .Select(f => root.Length == 0 && !normalized.StartsWith('/') ? Path.GetRelativePath(".", f) : f)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Relative path segments to a regex: <c>**</c> spans zero or more folders.</summary>
    private static string PatternToRegex(string[] segments)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] == "**")
            {
                builder.Append(i == segments.Length - 1 ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            builder.Append(Regex.Escape(segments[i]).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal));
            if (i < segments.Length - 1)
            {
                builder.Append('/');
            }
        }

        return builder.ToString();
    }
}
