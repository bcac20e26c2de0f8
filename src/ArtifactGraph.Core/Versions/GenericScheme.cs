namespace ArtifactGraph.Core.Versions;

/// <summary>
/// The fallback for ecosystems without a known scheme (<see cref="IsGeneric"/> is true, so callers can
/// say the order is a guess): runs of digits compare numerically, runs of letters lexically (ordinal),
/// a number sorts after letters at the same place, separators are ignored, and the shorter is older.
/// </summary>
internal sealed class GenericScheme : IVersionScheme
{
    public static readonly GenericScheme Instance = new();

    public string Name => "generic";

    public bool IsGeneric => true;

    public bool IsValid(string version) => version.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || version.Any(VersionText.IsLetter);

    public int Compare(string left, string right)
    {
        if (!IsValid(left) || !IsValid(right))
        {
            throw new FormatException($"'{(IsValid(left) ? right : left)}' is not a version: it has no letters or digits");
        }

        var a = left.AsSpan();
        var b = right.AsSpan();
        int i = 0, j = 0;
        while (true)
        {
            i = SkipSeparators(a, i);
            j = SkipSeparators(b, j);
            if (i >= a.Length || j >= b.Length)
            {
                return i >= a.Length && j >= b.Length ? 0 : i >= a.Length ? -1 : 1;
            }

            var an = VersionText.IsDigit(a[i]);
            var bn = VersionText.IsDigit(b[j]);
            if (an != bn)
            {
                return an ? 1 : -1;
            }

            Func<char, bool> run = an ? VersionText.IsDigit : VersionText.IsLetter;
            var la = VersionText.RunLength(a, i, run);
            var lb = VersionText.RunLength(b, j, run);
            var c = an ? VersionText.CompareDigits(a.Slice(i, la), b.Slice(j, lb)) : Math.Sign(a.Slice(i, la).SequenceCompareTo(b.Slice(j, lb)));
            if (c != 0)
            {
                return c;
            }

            i += la;
            j += lb;
        }
    }

    private static int SkipSeparators(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && !VersionText.IsDigit(s[i]) && !VersionText.IsLetter(s[i]))
        {
            i++;
        }

        return i;
    }
}
