namespace ArtifactGraph.Core.Versions;

/// <summary>
/// RubyGems (Gem::Version): segments are runs of digits or letters; '-' means ".pre."; a version
/// with a letter is a pre-release. Trailing zero segments of the release and pre-release parts are
/// dropped, then segments compare pairwise with missing ones as 0 and letters before numbers.
/// </summary>
internal sealed class RubyGemsScheme : IVersionScheme
{
    public static readonly RubyGemsScheme Instance = new();

    private readonly ParsedCache<string[]> _cache = new(Parse);

    public string Name => "gem";

    public bool IsGeneric => false;

    public bool IsValid(string version) => _cache.Get(version) is not null;

    public int Compare(string left, string right)
    {
        var l = _cache.Require(left, Name);
        var r = _cache.Require(right, Name);
        for (var i = 0; i < Math.Max(l.Length, r.Length); i++)
        {
            var a = i < l.Length ? l[i] : "0";
            var b = i < r.Length ? r[i] : "0";
            var an = VersionText.IsDigit(a[0]);
            var bn = VersionText.IsDigit(b[0]);
            var c = an && bn ? VersionText.CompareDigits(a, b) : an ? 1 : bn ? -1 : Math.Sign(string.CompareOrdinal(a, b));
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>Canonical segments, or null when Gem::Version's pattern rejects the text.</summary>
    private static string[]? Parse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0)
        {
            s = "0";
        }

        // ANCHORED_VERSION_PATTERN: [0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?
        if (!VersionText.IsDigit(s[0]))
        {
            return null;
        }

        var dash = s.IndexOf('-');
        var release = dash < 0 ? s : s[..dash];
        if (release.Split('.').Any(p => p.Length == 0 || p.AsSpan().ContainsAnyExcept(VersionText.IdentifierChars) || p.Contains('-'))
            || (dash >= 0 && s[(dash + 1)..].Split('.').Any(p => p.Length == 0 || p.AsSpan().ContainsAnyExcept(VersionText.IdentifierChars))))
        {
            return null;
        }

        var segments = new List<string>();
        var text2 = s.Replace("-", ".pre.", StringComparison.Ordinal);
        for (var i = 0; i < text2.Length;)
        {
            Func<char, bool> run = VersionText.IsDigit(text2[i]) ? VersionText.IsDigit : VersionText.IsLetter;
            var n = VersionText.RunLength(text2, i, run);
            if (n == 0)
            {
                i++;
                continue;
            }

            segments.Add(text2.Substring(i, n));
            i += n;
        }

        // canonical_segments: trailing zeros dropped from the release part and from the pre-release part.
        var firstLetter = segments.FindIndex(p => !VersionText.IsDigit(p[0]));
        var releasePart = firstLetter < 0 ? segments : segments[..firstLetter];
        var prePart = firstLetter < 0 ? [] : segments[firstLetter..];
        return [.. DropTrailingZeros(releasePart), .. DropTrailingZeros(prePart)];
    }

    private static IEnumerable<string> DropTrailingZeros(List<string> part)
    {
        var end = part.Count;
        while (end > 0 && VersionText.IsDigit(part[end - 1][0]) && part[end - 1].TrimStart('0').Length == 0)
        {
            end--;
        }

        return part.Take(end);
    }
}
