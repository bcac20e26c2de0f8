namespace ArtifactGraph.Core.Versions;

/// <summary>
/// RPM: <c>[epoch:]version[-release]</c>; epoch numerically, version and release with rpmvercmp
/// (alphanumeric segments, '~' before everything, '^' after the end but before anything else).
/// A missing epoch is 0.
/// </summary>
internal sealed class RpmScheme : IVersionScheme
{
    public static readonly RpmScheme Instance = new();

    public string Name => "rpm";

    public bool IsGeneric => false;

    public bool IsValid(string version) => TrySplit(version, out _, out _, out _);

    public int Compare(string left, string right)
    {
        if (!TrySplit(left, out var le, out var lv, out var lr))
        {
            throw new FormatException($"'{left}' is not a valid RPM version");
        }

        if (!TrySplit(right, out var re, out var rv, out var rr))
        {
            throw new FormatException($"'{right}' is not a valid RPM version");
        }

        var c = VersionText.CompareDigits(le, re);
        if (c == 0)
        {
            c = VerCmp(lv, rv);
        }

        return c != 0 ? c : VerCmp(lr, rr);
    }

    internal static bool TrySplit(string version, out ReadOnlySpan<char> epoch, out ReadOnlySpan<char> ver, out ReadOnlySpan<char> release)
    {
        var s = version.AsSpan().Trim();
        epoch = "0";
        release = default;
        var colon = s.IndexOf(':');
        if (colon >= 0)
        {
            epoch = s[..colon];
            s = s[(colon + 1)..];
        }

        var dash = s.LastIndexOf('-');
        if (dash >= 0)
        {
            release = s[(dash + 1)..];
            s = s[..dash];
        }

        ver = s;
        return (epoch.IsEmpty || VersionText.IsAllDigits(epoch)) && !s.IsEmpty && !s.ContainsAny(" \t|,");
    }

    private static bool IsAlnum(char c) => VersionText.IsDigit(c) || VersionText.IsLetter(c);

    /// <summary>rpmvercmp from rpm's lib/rpmvercmp.c.</summary>
    internal static int VerCmp(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return 0;
        }

        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !IsAlnum(a[i]) && a[i] != '~' && a[i] != '^')
            {
                i++;
            }

            while (j < b.Length && !IsAlnum(b[j]) && b[j] != '~' && b[j] != '^')
            {
                j++;
            }

            var ca = i < a.Length ? a[i] : '\0';
            var cb = j < b.Length ? b[j] : '\0';
            if (ca == '~' || cb == '~')
            {
                if (ca != '~')
                {
                    return 1;
                }

                if (cb != '~')
                {
                    return -1;
                }

                i++;
                j++;
                continue;
            }

            if (ca == '^' || cb == '^')
            {
                if (ca == '\0')
                {
                    return -1;
                }

                if (cb == '\0')
                {
                    return 1;
                }

                if (ca != '^')
                {
                    return 1;
                }

                if (cb != '^')
                {
                    return -1;
                }

                i++;
                j++;
                continue;
            }

            if (ca == '\0' || cb == '\0')
            {
                break;
            }

            var c = VersionText.CompareSegment(a, i, b, j, out var la, out var lb);
            if (c != 0)
            {
                return c;
            }

            i += la;
            j += lb;
        }

        var endA = i >= a.Length;
        var endB = j >= b.Length;
        return endA && endB ? 0 : endA ? -1 : 1;
    }
}
