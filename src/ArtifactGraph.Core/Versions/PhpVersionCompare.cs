namespace ArtifactGraph.Core.Versions;

/// <summary>PHP's version_compare (ext/standard/versioning.c), which Composer orders normalized versions with.</summary>
internal static class PhpVersionCompare
{
    public static int Compare(string left, string right)
    {
        var a = Canonical(left);
        var b = Canonical(right);
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = ComparePart(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        if (a.Count == b.Count)
        {
            return 0;
        }

        // The longer one wins if its next part is a number; otherwise that part is compared with "#" (a number).
        var longer = a.Count > b.Count ? a[b.Count] : b[a.Count];
        var sign = a.Count > b.Count ? 1 : -1;
        return sign * (VersionText.IsDigit(longer[0]) ? 1 : Math.Sign(Special(longer) - Special("#")));
    }

    private static int ComparePart(string a, string b)
    {
        var an = VersionText.IsDigit(a[0]);
        var bn = VersionText.IsDigit(b[0]);
        return an && bn ? VersionText.CompareDigits(a, b) : Math.Sign(Special(an ? "#" : a) - Special(bn ? "#" : b));
    }

    /// <summary>PHP's special forms, matched by prefix as PHP's strncmp does; anything else sorts first.</summary>
    private static int Special(string form) =>
        form.StartsWith("dev", StringComparison.Ordinal) ? 0
        : form.StartsWith("alpha", StringComparison.Ordinal) || form.StartsWith('a') ? 1
        : form.StartsWith("beta", StringComparison.Ordinal) || form.StartsWith('b') ? 2
        : form.StartsWith("RC", StringComparison.Ordinal) || form.StartsWith("rc", StringComparison.Ordinal) ? 3
        : form.StartsWith('#') ? 4
        : form.StartsWith("pl", StringComparison.Ordinal) || form.StartsWith('p') ? 5
        : -1;

    /// <summary>'-', '_', '+' become '.', and a '.' is inserted between digits and letters.</summary>
    private static List<string> Canonical(string version)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < version.Length)
        {
            var c = version[i];
            if (c is '.' or '-' or '_' or '+')
            {
                i++;
                continue;
            }

            var isNum = VersionText.IsDigit(c);
            var n = VersionText.RunLength(version, i, ch => isNum ? VersionText.IsDigit(ch) : !VersionText.IsDigit(ch) && ch is not ('.' or '-' or '_' or '+'));
            parts.Add(version.Substring(i, n));
            i += n;
        }

        return parts;
    }
}
