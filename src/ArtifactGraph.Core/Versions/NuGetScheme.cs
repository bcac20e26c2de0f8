namespace ArtifactGraph.Core.Versions;

/// <summary>
/// NuGet (NuGet.Versioning's NuGetVersion): up to four numeric parts (missing = 0, so 1.0 == 1.0.0.0),
/// a SemVer 2 pre-release compared case-insensitively, build metadata ignored.
/// </summary>
internal sealed class NuGetScheme : IVersionScheme
{
    public static readonly NuGetScheme Instance = new();

    private readonly ParsedCache<Parsed> _cache = new(Parse);

    public string Name => "nuget";

    public bool IsGeneric => false;

    public bool IsValid(string version) => _cache.Get(version) is not null;

    public int Compare(string left, string right)
    {
        var l = _cache.Require(left, Name);
        var r = _cache.Require(right, Name);
        for (var i = 0; i < 4; i++)
        {
            var c = VersionText.CompareDigits(l.Numbers[i], r.Numbers[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return SemVer.ComparePrerelease(l.Pre, r.Pre, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record Parsed(string[] Numbers, string[] Pre);

    private static Parsed? Parse(string text)
    {
        var s = text.AsSpan().Trim();
        var plus = s.IndexOf('+');
        if (plus >= 0)
        {
            s = s[..plus];
        }

        string[] pre = [];
        var dash = s.IndexOf('-');
        if (dash >= 0)
        {
            var p = s[(dash + 1)..].ToString();
            pre = p.Split('.');
            if (pre.Any(x => x.Length == 0 || x.AsSpan().ContainsAnyExcept(VersionText.IdentifierChars)))
            {
                return null;
            }

            s = s[..dash];
        }

        var numbers = s.ToString().Split('.');
        if (numbers.Length is < 1 or > 4 || numbers.Any(n => !VersionText.IsAllDigits(n)))
        {
            return null;
        }

        return new Parsed([.. numbers, .. Enumerable.Repeat("0", 4 - numbers.Length)], pre);
    }
}
