namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Debian (dpkg): <c>[epoch:]upstream[-revision]</c>. Epoch numerically, then upstream and revision
/// with dpkg's verrevcmp: non-digit runs compare with '~' before everything (even the end), letters
/// before non-letters; digit runs numerically. Compares on the text directly, without allocating.
/// </summary>
internal sealed class DebianScheme : IVersionScheme
{
    public static readonly DebianScheme Instance = new();

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(" \t|,/");

    public string Name => "deb";

    public bool IsGeneric => false;

    public bool IsValid(string version) => TrySplit(version, out _, out _, out _);

    public int Compare(string left, string right)
    {
        if (!TrySplit(left, out var le, out var lu, out var lr))
        {
            throw new FormatException($"'{left}' is not a valid Debian version");
        }

        if (!TrySplit(right, out var re, out var ru, out var rr))
        {
            throw new FormatException($"'{right}' is not a valid Debian version");
        }

        var c = VersionText.CompareDigits(le, re);
        if (c == 0)
        {
            c = VerRevCmp(lu, ru);
        }

        return c != 0 ? c : VerRevCmp(lr, rr);
    }

    private static bool TrySplit(string version, out ReadOnlySpan<char> epoch, out ReadOnlySpan<char> upstream, out ReadOnlySpan<char> revision)
    {
        var s = version.AsSpan().Trim();
        epoch = "0";
        revision = default;
        var colon = s.IndexOf(':');
        if (colon >= 0)
        {
            epoch = s[..colon];
            s = s[(colon + 1)..];
            if (!VersionText.IsAllDigits(epoch))
            {
                upstream = default;
                return false;
            }
        }

        var dash = s.LastIndexOf('-');
        if (dash >= 0)
        {
            revision = s[(dash + 1)..];
            s = s[..dash];
            if (revision.IsEmpty)
            {
                upstream = default;
                return false;
            }
        }

        upstream = s;
        return !s.IsEmpty && !s.ContainsAny(Forbidden) && !revision.ContainsAny(Forbidden) && !revision.Contains(':');
    }

    private static int Order(char c) => VersionText.IsDigit(c) ? 0 : VersionText.IsLetter(c) ? c : c == '~' ? -1 : c + 256;

    /// <summary>dpkg's verrevcmp, with "end of string" as the NUL the C code reads.</summary>
    internal static int VerRevCmp(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !VersionText.IsDigit(a[i])) || (j < b.Length && !VersionText.IsDigit(b[j])))
            {
                var ac = i < a.Length ? Order(a[i]) : 0;
                var bc = j < b.Length ? Order(b[j]) : 0;
                if (ac != bc)
                {
                    return ac < bc ? -1 : 1;
                }

                i++;
                j++;
            }

            var da = VersionText.RunLength(a, i, VersionText.IsDigit);
            var db = VersionText.RunLength(b, j, VersionText.IsDigit);
            var c = VersionText.CompareDigits(a.Slice(i, da), b.Slice(j, db));
            if (c != 0)
            {
                return c;
            }

            i += da;
            j += db;
        }

        return 0;
    }
}
