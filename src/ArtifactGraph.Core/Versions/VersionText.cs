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
}
