using System.Text;

namespace ArtifactGraph.Core.Versions;

/// <summary>A parsed PEP 440 version. Absent parts are null; numbers are kept as digit text.</summary>
internal sealed class Pep440Version : IComparable<Pep440Version>
{
    public string Epoch { get; private init; } = "0";

    public string[] Release { get; private init; } = [];

    /// <summary>a, b or rc with its number, or null.</summary>
    public (int Kind, string Number)? Pre { get; private init; }

    public string? Post { get; private init; }

    public string? Dev { get; private init; }

    /// <summary>Local segments, lower-cased, separated by '.'.</summary>
    public string[]? Local { get; private init; }

    public static Pep440Version? TryParse(string text) => new Pep440Reader(text.Trim().ToLowerInvariant()).Read();

    internal static Pep440Version Create(string epoch, string[] release, (int, string)? pre, string? post, string? dev, string[]? local) =>
        new() { Epoch = epoch, Release = release, Pre = pre, Post = post, Dev = dev, Local = local };

    public int CompareTo(Pep440Version? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = VersionText.CompareDigits(Epoch, other.Epoch);
        if (c != 0)
        {
            return c;
        }

        // Release: trailing zeros are insignificant (1.0 == 1.0.0).
        for (var i = 0; i < Math.Max(Release.Length, other.Release.Length); i++)
        {
            c = VersionText.CompareDigits(i < Release.Length ? Release[i] : "0", i < other.Release.Length ? other.Release[i] : "0");
            if (c != 0)
            {
                return c;
            }
        }

        c = ComparePre(this, other);
        if (c != 0)
        {
            return c;
        }

        // Post: none sorts before any post release.
        c = CompareOptional(Post, other.Post, absentFirst: true);
        if (c != 0)
        {
            return c;
        }

        // Dev: a dev release sorts before the same version without one.
        c = CompareOptional(Dev, other.Dev, absentFirst: false);
        return c != 0 ? c : CompareLocal(Local, other.Local);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Epoch.TrimStart('0').Length > 0)
        {
            sb.Append(Epoch.TrimStart('0')).Append('!');
        }

        sb.AppendJoin('.', Release.Select(Number));
        if (Pre is { } pre)
        {
            sb.Append(pre.Kind switch { 0 => "a", 1 => "b", _ => "rc" }).Append(Number(pre.Number));
        }

        if (Post is not null)
        {
            sb.Append(".post").Append(Number(Post));
        }

        if (Dev is not null)
        {
            sb.Append(".dev").Append(Number(Dev));
        }

        if (Local is not null)
        {
            sb.Append('+').AppendJoin('.', Local.Select(l => VersionText.IsAllDigits(l) ? Number(l) : l));
        }

        return sb.ToString();
    }

    private static string Number(string digits) => digits.TrimStart('0') is { Length: > 0 } t ? t : "0";

    private static int ComparePre(Pep440Version a, Pep440Version b)
    {
        // packaging's key: a dev-only release (no pre, no post) sorts before any pre-release of that version;
        // a final release (no pre) sorts after every pre-release.
        static int Rank(Pep440Version v) => v.Pre is not null ? 1 : v.Post is null && v.Dev is not null ? 0 : 2;

        var ra = Rank(a);
        var rb = Rank(b);
        if (ra != rb || ra != 1)
        {
            return ra.CompareTo(rb);
        }

        var c = a.Pre!.Value.Kind.CompareTo(b.Pre!.Value.Kind);
        return c != 0 ? c : VersionText.CompareDigits(a.Pre.Value.Number, b.Pre.Value.Number);
    }

    private static int CompareOptional(string? a, string? b, bool absentFirst)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? 0 : (a is null) == absentFirst ? -1 : 1;
        }

        return VersionText.CompareDigits(a, b);
    }

    private static int CompareLocal(string[]? a, string[]? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null ? 0 : a is null ? -1 : 1;
        }

        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var an = VersionText.IsAllDigits(a[i]);
            var bn = VersionText.IsAllDigits(b[i]);

            // Numeric local segments sort after alphanumeric ones.
            var c = an && bn ? VersionText.CompareDigits(a[i], b[i]) : an ? 1 : bn ? -1 : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
