namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Alpine apk (apk-tools' version rules): <c>digits{.digits}[letter]{_suffix[n]}[~hash][-rN]</c>. Tokens
/// compare pairwise while they are of the same kind; a dotted component with a leading zero compares
/// as text (1.01 &lt; 1.1); suffixes _alpha &lt; _beta &lt; _pre &lt; _rc sort before the release, _cvs _svn
/// _git _hg _p after it; otherwise the version whose next token comes earlier in that grammar is newer.
/// </summary>
internal sealed class AlpineScheme : IVersionScheme
{
    public static readonly AlpineScheme Instance = new();

    // Suffix ranks: the release ("no suffix") sits between the pre- and post-release suffixes.
    private static readonly string[] Suffixes = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];
    private const int NoSuffix = 4;

    public string Name => "apk";

    public bool IsGeneric => false;

    public bool IsValid(string version)
    {
        var reader = new Reader(version.AsSpan().Trim());
        while (reader.Kind < Kind.End)
        {
            reader.Next();
        }

        return reader.Kind == Kind.End;
    }

    public int Compare(string left, string right)
    {
        if (!IsValid(left) || !IsValid(right))
        {
            throw new FormatException($"'{(IsValid(left) ? right : left)}' is not a valid apk version");
        }

        var a = new Reader(left.AsSpan().Trim());
        var b = new Reader(right.AsSpan().Trim());
        while (a.Kind == b.Kind && a.Kind < Kind.End)
        {
            var c = CompareTokens(ref a, ref b);
            if (c != 0)
            {
                return c;
            }

            a.Next();
            b.Next();
        }

        if (a.Kind == b.Kind)
        {
            return 0;
        }

        if (a.Kind == Kind.Suffix && a.Suffix < NoSuffix)
        {
            return -1;
        }

        if (b.Kind == Kind.Suffix && b.Suffix < NoSuffix)
        {
            return 1;
        }

        return a.Kind > b.Kind ? -1 : 1;
    }

    private static int CompareTokens(ref Reader a, ref Reader b)
    {
        switch (a.Kind)
        {
            case Kind.Digit when a.Value[0] != '0' && b.Value[0] != '0':
            case Kind.InitialDigit or Kind.SuffixNumber or Kind.RevisionNumber:
                return VersionText.CompareDigits(a.Value, b.Value);
            case Kind.Suffix:
                return a.Suffix.CompareTo(b.Suffix);
            default:
                // Letters, commit hashes and zero-led components compare as text.
                return Math.Sign(a.Value.SequenceCompareTo(b.Value));
        }
    }

    private enum Kind
    {
        InitialDigit,
        Digit,
        Letter,
        Suffix,
        SuffixNumber,
        CommitHash,
        RevisionNumber,
        End,
        Invalid,
    }

    /// <summary>Walks the tokens of one version; each token checks that the one before may precede it.</summary>
    private ref struct Reader
    {
        private ReadOnlySpan<char> _rest;

        public Reader(ReadOnlySpan<char> text)
        {
            _rest = text;
            Kind = Kind.InitialDigit;
            Suffix = NoSuffix;
            Value = TakeDigits();
        }

        public Kind Kind { get; private set; }

        public ReadOnlySpan<char> Value { get; private set; }

        public int Suffix { get; private set; }

        public void Next()
        {
            if (_rest.IsEmpty)
            {
                Kind = Kind.End;
                return;
            }

            var c = _rest[0];
            if (c is >= 'a' and <= 'z')
            {
                Set(Kind <= Kind.Digit, Kind.Letter, 1);
            }
            else if (c == '.' || VersionText.IsDigit(c))
            {
                if (c == '.' && Kind > Kind.Digit)
                {
                    Kind = Kind.Invalid;
                    return;
                }

                _rest = c == '.' ? _rest[1..] : _rest;
                Kind = Kind switch
                {
                    Kind.InitialDigit or Kind.Digit => Kind.Digit,
                    Kind.Suffix when c != '.' => Kind.SuffixNumber,
                    _ => Kind.Invalid,
                };
                Value = Kind == Kind.Invalid ? default : TakeDigits();
            }
            else if (c == '_' && Kind <= Kind.SuffixNumber)
            {
                var n = VersionText.RunLength(_rest, 1, ch => ch is >= 'a' and <= 'z');
                Suffix = Array.IndexOf(Suffixes, _rest.Slice(1, n).ToString());
                Set(n > 0 && Suffix >= 0, Kind.Suffix, n + 1);
            }
            else if (c == '~' && Kind < Kind.CommitHash)
            {
                var n = VersionText.RunLength(_rest, 1, ch => VersionText.IsDigit(ch) || ch is >= 'a' and <= 'f' or >= 'A' and <= 'F');
                Set(n > 0, Kind.CommitHash, n + 1);
                Value = Value[1..];
            }
            else if (c == '-' && Kind < Kind.RevisionNumber && _rest.Length > 1 && _rest[1] == 'r')
            {
                _rest = _rest[2..];
                Kind = Kind.RevisionNumber;
                Value = TakeDigits();
            }
            else
            {
                Kind = Kind.Invalid;
            }
        }

        private void Set(bool allowed, Kind kind, int length)
        {
            if (!allowed)
            {
                Kind = Kind.Invalid;
                return;
            }

            Kind = kind;
            Value = _rest[..length];
            _rest = _rest[length..];
        }

        /// <summary>Digits at the front; none makes the token invalid.</summary>
        private ReadOnlySpan<char> TakeDigits()
        {
            var n = VersionText.RunLength(_rest, 0, VersionText.IsDigit);
            if (n == 0)
            {
                Kind = Kind.Invalid;
            }

            var digits = _rest[..n];
            _rest = _rest[n..];
            return digits;
        }
    }
}
