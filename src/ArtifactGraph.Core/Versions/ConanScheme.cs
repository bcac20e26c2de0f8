namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Conan 2 (conans/model/version.py): dot-separated items, integers where they parse, compared as
/// strings when one side is not a number; trailing zero items ignored; <c>-pre</c> and <c>+build</c>
/// parts are versions themselves. A pre-release sorts before its release; a build after none.
/// </summary>
internal sealed class ConanScheme : IVersionScheme
{
    public static readonly ConanScheme Instance = new();

    private readonly ParsedCache<ConanVersion> _cache = new(ConanVersion.Parse);

    public string Name => "conan";

    public bool IsGeneric => false;

    public bool IsValid(string version) => !string.IsNullOrWhiteSpace(version);

    public int Compare(string left, string right) => _cache.Require(left, Name).CompareTo(_cache.Require(right, Name));
}

internal sealed class ConanVersion : IComparable<ConanVersion>
{
    private string[] _items = [];
    private ConanVersion? _pre;
    private ConanVersion? _build;

    public static ConanVersion? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var v = new ConanVersion();
        var plus = s.IndexOf('+');
        if (plus >= 0)
        {
            v._build = Parse(s[(plus + 1)..]) ?? new ConanVersion { _items = [""] };
            s = s[..plus];
        }

        var dash = s.IndexOf('-');
        if (dash >= 0)
        {
            v._pre = Parse(s[(dash + 1)..]) ?? new ConanVersion { _items = [""] };
            s = s[..dash];
        }

        var items = s.Split('.').ToList();
        while (items.Count > 0 && IsZero(items[^1]))
        {
            items.RemoveAt(items.Count - 1);
        }

        v._items = [.. items];
        return v;
    }

    public int CompareTo(ConanVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = CompareItems(_items, other._items);
        if (_pre is not null || other._pre is not null)
        {
            if (c != 0)
            {
                return c;
            }

            if (_pre is null || other._pre is null)
            {
                return _pre is null ? 1 : -1;
            }

            c = _pre.CompareTo(other._pre);
        }

        return c != 0 ? c : CompareOptional(_build, other._build);
    }

    private static int CompareOptional(ConanVersion? a, ConanVersion? b) =>
        a is null || b is null ? (a is null ? (b is null ? 0 : -1) : 1) : a.CompareTo(b);

    private static bool IsZero(string item) => VersionText.IsAllDigits(item) && item.TrimStart('0').Length == 0;

    private static int CompareItems(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var an = VersionText.IsAllDigits(a[i]);
            var bn = VersionText.IsAllDigits(b[i]);

            // Python compares int with int, else falls back to comparing the str forms.
            var c = an && bn ? VersionText.CompareDigits(a[i], b[i])
                : Math.Sign(string.CompareOrdinal(an ? a[i].TrimStart('0') is { Length: > 0 } x ? x : "0" : a[i], bn ? b[i].TrimStart('0') is { Length: > 0 } y ? y : "0" : b[i]));
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
