namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Arch Linux (pacman's alpm_pkg_vercmp): <c>[epoch:]version[-pkgrel]</c>; pkgrel only compared when both
/// sides have one. pacman's rpmvercmp differs from rpm's: different separator lengths decide, and a
/// trailing letter segment is older than nothing (1.5b &lt; 1.5).
/// </summary>
internal sealed class AlpmScheme : IVersionScheme
{
    public static readonly AlpmScheme Instance = new();

    public string Name => "alpm";

    public bool IsGeneric => false;

    public bool IsValid(string version) => RpmScheme.TrySplit(version, out _, out _, out _);

    public int Compare(string left, string right)
    {
        if (!RpmScheme.TrySplit(left, out var le, out var lv, out var lr) || !RpmScheme.TrySplit(right, out var re, out var rv, out var rr))
        {
            throw new FormatException($"'{(IsValid(left) ? right : left)}' is not a valid alpm version");
        }

        var c = VerCmp(le.IsEmpty ? "0" : le, re.IsEmpty ? "0" : re);
        if (c == 0)
        {
            c = VerCmp(lv, rv);
        }

        return c == 0 && !lr.IsEmpty && !rr.IsEmpty ? VerCmp(lr, rr) : c;
    }

    private static bool IsAlnum(char c) => VersionText.IsDigit(c) || VersionText.IsLetter(c);

    /// <summary>pacman's lib/libalpm/version.c rpmvercmp.</summary>
    private static int VerCmp(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return 0;
        }

        int one = 0, two = 0, ptr1 = 0, ptr2 = 0;
        while (one < a.Length && two < b.Length)
        {
            while (one < a.Length && !IsAlnum(a[one]))
            {
                one++;
            }

            while (two < b.Length && !IsAlnum(b[two]))
            {
                two++;
            }

            if (one >= a.Length || two >= b.Length)
            {
                break;
            }

            if (one - ptr1 != two - ptr2)
            {
                return one - ptr1 < two - ptr2 ? -1 : 1;
            }

            var c = VersionText.CompareSegment(a, one, b, two, out var la, out var lb);
            if (c != 0)
            {
                return c;
            }

            one += la;
            two += lb;
            ptr1 = one;
            ptr2 = two;
        }

        if (one >= a.Length && two >= b.Length)
        {
            return 0;
        }

        // A remaining letter segment never beats an empty string.
        return (one >= a.Length && !VersionText.IsLetter(b[two])) || (ptr1 < a.Length && VersionText.IsLetter(a[ptr1])) ? -1 : 1;
    }
}
