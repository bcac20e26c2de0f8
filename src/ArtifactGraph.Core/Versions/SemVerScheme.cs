namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Semantic Versioning 2.0.0 (npm, crates.io, Hex, Pub, Go, OSV SEMVER ranges): MAJOR.MINOR.PATCH,
/// pre-release identifiers compared per §11, build metadata ignored. A leading <c>v</c> is accepted
/// because Go module versions carry one and npm tolerates it; Go's <c>+incompatible</c> is build metadata.
/// Leading zeros in numeric parts are tolerated and compared numerically (the spec forbids them; refusing
/// them would turn an advisory's sloppy bound into an unusable range).
/// </summary>
internal sealed class SemVerScheme : IVersionScheme
{
    public static readonly SemVerScheme Instance = new("semver");

    private readonly ParsedCache<SemVer> _cache;

    public SemVerScheme(string name)
    {
        Name = name;
        _cache = new ParsedCache<SemVer>(SemVer.TryParse);
    }

    public string Name { get; }

    public bool IsGeneric => false;

    public bool IsValid(string version) => _cache.Get(version) is not null;

    public int Compare(string left, string right) => _cache.Require(left, Name).CompareTo(_cache.Require(right, Name));
}

/// <summary>A parsed semantic version; numbers kept as text so any length compares exactly.</summary>
internal sealed class SemVer : IComparable<SemVer>
{
    private SemVer(string major, string minor, string patch, string[] pre)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Pre = pre;
    }

    public string Major { get; }

    public string Minor { get; }

    public string Patch { get; }

    public string[] Pre { get; }

    public static SemVer? TryParse(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.Length > 0 && s[0] is 'v' or 'V')
        {
            s = s[1..];
        }

        var plus = s.IndexOf('+');
        if (plus >= 0)
        {
            if (!IdentifiersValid(s[(plus + 1)..]))
            {
                return null;
            }

            s = s[..plus];
        }

        string[] pre = [];
        var dash = s.IndexOf('-');
        if (dash >= 0)
        {
            if (!IdentifiersValid(s[(dash + 1)..]))
            {
                return null;
            }

            pre = s[(dash + 1)..].ToString().Split('.');
            s = s[..dash];
        }

        Span<Range> parts = stackalloc Range[4];
        if (s.Split(parts, '.') != 3)
        {
            return null;
        }

        foreach (var part in parts[..3])
        {
            if (!VersionText.IsAllDigits(s[part]))
            {
                return null;
            }
        }

        return new SemVer(s[parts[0]].ToString(), s[parts[1]].ToString(), s[parts[2]].ToString(), pre);
    }

    public int CompareTo(SemVer? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = VersionText.CompareDigits(Major, other.Major);
        if (c == 0)
        {
            c = VersionText.CompareDigits(Minor, other.Minor);
        }

        if (c == 0)
        {
            c = VersionText.CompareDigits(Patch, other.Patch);
        }

        return c != 0 ? c : ComparePrerelease(Pre, other.Pre, StringComparison.Ordinal);
    }

    /// <summary>SemVer §11: a release sorts after its pre-releases; numeric identifiers sort before alphanumeric ones.</summary>
    public static int ComparePrerelease(string[] left, string[] right, StringComparison textComparison)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return left.Length == right.Length ? 0 : left.Length == 0 ? 1 : -1;
        }

        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var l = left[i];
            var r = right[i];
            var lNum = VersionText.IsAllDigits(l);
            var rNum = VersionText.IsAllDigits(r);
            var c = lNum && rNum ? VersionText.CompareDigits(l, r)
                : lNum ? -1
                : rNum ? 1
                : Math.Sign(string.Compare(l, r, textComparison));
            if (c != 0)
            {
                return c;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static bool IdentifiersValid(ReadOnlySpan<char> ids)
    {
        if (ids.IsEmpty)
        {
            return false;
        }

        foreach (var range in ids.Split('.'))
        {
            var id = ids[range];
            if (id.IsEmpty || id.ContainsAnyExcept(VersionText.IdentifierChars))
            {
                return false;
            }
        }

        return true;
    }
}
