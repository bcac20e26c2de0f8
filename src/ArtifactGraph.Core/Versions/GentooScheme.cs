namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Gentoo (PMS §3.3 version comparison): numeric components (after the first, a leading zero means a
/// string comparison with trailing zeros stripped), an optional letter, suffixes
/// _alpha &lt; _beta &lt; _pre &lt; _rc &lt; (none) &lt; _p, then the -rN revision (-r0 = none).
/// </summary>
internal sealed class GentooScheme : IVersionScheme
{
    public static readonly GentooScheme Instance = new();

    private static readonly string[] SuffixOrder = ["alpha", "beta", "pre", "rc", "", "p"];

    private readonly ParsedCache<Parsed> _cache = new(Parse);

    public string Name => "gentoo";

    public bool IsGeneric => false;

    public bool IsValid(string version) => _cache.Get(version) is not null;

    public int Compare(string left, string right)
    {
        var a = _cache.Require(left, Name);
        var b = _cache.Require(right, Name);
        var c = VersionText.CompareDigits(a.Numbers[0], b.Numbers[0]);
        for (var i = 1; c == 0 && i < Math.Min(a.Numbers.Length, b.Numbers.Length); i++)
        {
            var x = a.Numbers[i];
            var y = b.Numbers[i];
            c = x.StartsWith('0') || y.StartsWith('0')
                ? Math.Sign(string.CompareOrdinal(x.TrimEnd('0'), y.TrimEnd('0')))
                : VersionText.CompareDigits(x, y);
        }

        if (c == 0)
        {
            c = a.Numbers.Length.CompareTo(b.Numbers.Length);
        }

        if (c == 0)
        {
            c = a.Letter.CompareTo(b.Letter);
        }

        for (var i = 0; c == 0 && i < Math.Max(a.Suffixes.Length, b.Suffixes.Length); i++)
        {
            var x = i < a.Suffixes.Length ? a.Suffixes[i] : ("", "0");
            var y = i < b.Suffixes.Length ? b.Suffixes[i] : ("", "0");
            c = Array.IndexOf(SuffixOrder, x.Item1).CompareTo(Array.IndexOf(SuffixOrder, y.Item1));
            if (c == 0)
            {
                c = VersionText.CompareDigits(x.Item2, y.Item2);
            }
        }

        return c != 0 ? Math.Sign(c) : VersionText.CompareDigits(a.Revision, b.Revision);
    }

    private sealed record Parsed(string[] Numbers, char Letter, (string, string)[] Suffixes, string Revision);

    private static Parsed? Parse(string text)
    {
        var s = text.Trim();
        var revision = "0";
        var r = s.LastIndexOf("-r", StringComparison.Ordinal);
        if (r >= 0)
        {
            revision = s[(r + 2)..];
            s = s[..r];
            if (!VersionText.IsAllDigits(revision))
            {
                return null;
            }
        }

        var parts = s.Split('_');
        var main = parts[0];
        var letter = '\0';
        if (main.Length > 0 && main[^1] is >= 'a' and <= 'z')
        {
            letter = main[^1];
            main = main[..^1];
        }

        var numbers = main.Split('.');
        if (numbers.Any(n => !VersionText.IsAllDigits(n)))
        {
            return null;
        }

        var suffixes = new List<(string, string)>();
        foreach (var part in parts.Skip(1))
        {
            var label = SuffixOrder.Where(x => x.Length > 0 && part.StartsWith(x, StringComparison.Ordinal)).MaxBy(x => x.Length);
            var number = label is null ? null : part[label.Length..];
            if (number is null || (number.Length > 0 && !VersionText.IsAllDigits(number)))
            {
                return null;
            }

            suffixes.Add((label!, number.Length == 0 ? "0" : number));
        }

        return new Parsed(numbers, letter, [.. suffixes], revision);
    }
}
