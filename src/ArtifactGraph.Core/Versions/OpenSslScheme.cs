namespace ArtifactGraph.Core.Versions;

/// <summary>
/// OpenSSL release names: numbers, then patch letters (a … z, za … zz: shorter first), then an optional
/// <c>-alphaN</c>/<c>-betaN</c> pre-release (before the release) or another tag such as <c>-cvs</c>, <c>-dev</c>
/// (after the release, before the next letter).
/// </summary>
internal sealed class OpenSslScheme : IVersionScheme
{
    public static readonly OpenSslScheme Instance = new();

    private readonly ParsedCache<Parsed> _cache = new(Parse);

    public string Name => "openssl";

    public bool IsGeneric => false;

    public bool IsValid(string version) => _cache.Get(version) is not null;

    public int Compare(string left, string right)
    {
        var a = _cache.Require(left, Name);
        var b = _cache.Require(right, Name);
        var c = 0;
        for (var i = 0; c == 0 && i < Math.Max(a.Numbers.Length, b.Numbers.Length); i++)
        {
            c = VersionText.CompareDigits(i < a.Numbers.Length ? a.Numbers[i] : "0", i < b.Numbers.Length ? b.Numbers[i] : "0");
        }

        if (c == 0)
        {
            c = a.Letters.Length != b.Letters.Length ? a.Letters.Length.CompareTo(b.Letters.Length) : string.CompareOrdinal(a.Letters, b.Letters);
        }

        if (c == 0)
        {
            c = a.TagRank.CompareTo(b.TagRank);
        }

        if (c == 0)
        {
            c = GenericScheme.Instance.IsValid(a.Tag) && GenericScheme.Instance.IsValid(b.Tag) ? GenericScheme.Instance.Compare(a.Tag, b.Tag) : string.CompareOrdinal(a.Tag, b.Tag);
        }

        return Math.Sign(c);
    }

    /// <summary>TagRank: 0 alpha, 1 beta, 2 none (the release), 3 anything else.</summary>
    private sealed record Parsed(string[] Numbers, string Letters, int TagRank, string Tag);

    private static Parsed? Parse(string text)
    {
        var s = text.Trim().ToLowerInvariant();
        var dash = s.IndexOf('-');
        var tag = dash >= 0 ? s[(dash + 1)..] : "";
        if (dash >= 0)
        {
            s = s[..dash];
        }

        var letterStart = s.Length;
        while (letterStart > 0 && VersionText.IsLetter(s[letterStart - 1]))
        {
            letterStart--;
        }

        var numbers = s[..letterStart].Split('.');
        if (numbers.Any(n => !VersionText.IsAllDigits(n)) || (dash >= 0 && tag.Length == 0))
        {
            return null;
        }

        var rank = tag.Length == 0 ? 2 : tag.StartsWith("alpha", StringComparison.Ordinal) ? 0 : tag.StartsWith("beta", StringComparison.Ordinal) ? 1 : 3;
        return new Parsed(numbers, s[letterStart..], rank, tag);
    }
}
