namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Alpine apk (apk-tools version.c): <c>digits{.digits}[letter]{_suffix[n]}[~hash][-rN]</c>; pre-release
/// suffixes _alpha &lt; _beta &lt; _pre &lt; _rc sort before the release, _cvs _svn _git _hg _p after it.
/// </summary>
internal sealed class AlpineScheme : IVersionScheme
{
    public static readonly AlpineScheme Instance = new();

    private static readonly string[] PreSuffixes = ["alpha", "beta", "pre", "rc"];
    private static readonly string[] PostSuffixes = ["cvs", "svn", "git", "hg", "p"];

    public string Name => "apk";

    public bool IsGeneric => false;

    public bool IsValid(string version)
    {
        var s = version.AsSpan().Trim();
        if (s.IsEmpty || !VersionText.IsDigit(s[0]))
        {
            return false;
        }

        var type = Token.Digit;
        while (type != Token.End)
        {
            Next(ref type, ref s);
            if (type == Token.Invalid)
            {
                return false;
            }
        }

        return true;
    }

    public int Compare(string left, string right)
    {
        foreach (var v in (ReadOnlySpan<string>)[left, right])
        {
            if (!IsValid(v))
            {
                throw new FormatException($"'{v}' is not a valid apk version");
            }
        }

        var a = left.AsSpan().Trim();
        var b = right.AsSpan().Trim();
        var at = Token.Digit;
        var bt = Token.Digit;
        long av = 0, bv = 0;
        while (at == bt && at != Token.End && at != Token.Invalid && av == bv)
        {
            av = Next(ref at, ref a);
            bv = Next(ref bt, ref b);
        }

        if (av != bv)
        {
            return av < bv ? -1 : 1;
        }

        if (at == bt)
        {
            return 0;
        }

        // Equal so far: the longer version is newer unless what follows is a pre-release suffix.
        if (at == Token.Suffix && Next(ref at, ref a) < 0)
        {
            return -1;
        }

        if (bt == Token.Suffix && Next(ref bt, ref b) < 0)
        {
            return 1;
        }

        return at > bt ? -1 : bt > at ? 1 : 0;
    }

    private enum Token
    {
        Invalid = -1,
        DigitOrZero,
        Digit,
        Letter,
        Suffix,
        SuffixNumber,
        Hash,
        RevisionNumber,
        End,
    }

    /// <summary>Reads the token of <paramref name="type"/> at the start of <paramref name="s"/>, then sets the type of the next one.</summary>
    private static long Next(ref Token type, ref ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            type = Token.End;
            return 0;
        }

        long v = 0;
        var i = 0;
        var next = Token.Invalid;
        switch (type)
        {
            case Token.DigitOrZero when s[0] == '0':
                // A component with leading zeros compares as a decimal fraction (1.01 < 1.1).
                while (i < s.Length && s[i] == '0')
                {
                    i++;
                }

                next = Token.Digit;
                v = -i;
                break;
            case Token.DigitOrZero or Token.Digit or Token.SuffixNumber or Token.RevisionNumber:
                while (i < s.Length && VersionText.IsDigit(s[i]) && v < long.MaxValue / 10)
                {
                    v = (v * 10) + (s[i++] - '0');
                }

                break;
            case Token.Letter:
                v = s[i++];
                break;
            case Token.Hash:
                while (i < s.Length && (VersionText.IsDigit(s[i]) || s[i] is >= 'a' and <= 'f'))
                {
                    i++;
                }

                v = 0;
                break;
            case Token.Suffix:
                var pre = IndexOfPrefix(PreSuffixes, s);
                if (pre >= 0)
                {
                    i = PreSuffixes[pre].Length;
                    v = pre - PreSuffixes.Length;
                    break;
                }

                var post = IndexOfPrefix(PostSuffixes, s);
                if (post >= 0)
                {
                    i = PostSuffixes[post].Length;
                    v = post;
                    break;
                }

                type = Token.Invalid;
                return -1;
            default:
                type = Token.Invalid;
                return -1;
        }

        s = s[i..];
        if (s.IsEmpty)
        {
            type = Token.End;
        }
        else if (next != Token.Invalid)
        {
            type = next;
        }
        else
        {
            NextType(ref type, ref s);
        }

        return v;
    }

    private static int IndexOfPrefix(string[] candidates, ReadOnlySpan<char> s)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            if (s.StartsWith(candidates[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void NextType(ref Token type, ref ReadOnlySpan<char> s)
    {
        var c = s[0];
        if (type is Token.Digit or Token.DigitOrZero && c is >= 'a' and <= 'z')
        {
            type = Token.Letter;
            return;
        }

        if (type == Token.Letter && VersionText.IsDigit(c))
        {
            type = Token.Digit;
            return;
        }

        if (type == Token.Suffix && VersionText.IsDigit(c))
        {
            type = Token.SuffixNumber;
            return;
        }

        var n = Token.Invalid;
        switch (c)
        {
            case '.':
                n = Token.DigitOrZero;
                break;
            case '_':
                n = Token.Suffix;
                break;
            case '~':
                n = Token.Hash;
                break;
            case '-' when s.Length > 1 && s[1] == 'r':
                n = Token.RevisionNumber;
                s = s[1..];
                break;
        }

        s = s[1..];
        type = s.IsEmpty ? Token.Invalid : n;
    }
}
