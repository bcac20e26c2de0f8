using System.Buffers;

namespace ArtifactGraph.Core.Versions;

/// <summary>Span helpers shared by the schemes: numbers of any length compared without parsing or overflow.</summary>
internal static class VersionText
{
    /// <summary>Compares two runs of ASCII digits numerically (leading zeros ignored, any length).</summary>
    public static int CompareDigits(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = left.TrimStart('0');
        right = right.TrimStart('0');
        if (left.Length != right.Length)
        {
            return left.Length < right.Length ? -1 : 1;
        }

        return Math.Sign(left.SequenceCompareTo(right));
    }

    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static readonly SearchValues<char> IdentifierChars =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    public static bool IsAllDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(Digits);

    /// <summary>Length of the run of digits (or of non-digits) starting at <paramref name="start"/>.</summary>
    public static int RunLength(ReadOnlySpan<char> text, int start, Func<char, bool> predicate)
    {
        var i = start;
        while (i < text.Length && predicate(text[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>
    /// rpmvercmp's segment step, shared by RPM and alpm (pacman's vercmp is rpm's): the run of digits or of
    /// letters starting at <paramref name="i"/> in <paramref name="a"/> against the run of the same class at
    /// <paramref name="j"/> in <paramref name="b"/>. A number beats letters; numbers compare numerically,
    /// letters ordinally. Nonzero decides; zero means equal, and the callers continue after the two runs.
    /// </summary>
    public static int CompareSegment(ReadOnlySpan<char> a, int i, ReadOnlySpan<char> b, int j, out int lengthA, out int lengthB)
    {
        var isNum = IsDigit(a[i]);
        Func<char, bool> run = isNum ? IsDigit : IsLetter;
        lengthA = RunLength(a, i, run);
        lengthB = RunLength(b, j, run);
        if (lengthB == 0)
        {
            return isNum ? 1 : -1;
        }

        return isNum ? CompareDigits(a.Slice(i, lengthA), b.Slice(j, lengthB)) : Math.Sign(a.Slice(i, lengthA).SequenceCompareTo(b.Slice(j, lengthB)));
    }
}
