namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Hand-written reader for packaging's VERSION_PATTERN (no regex per call): each optional group is
/// tried from a saved position and abandoned on failure, as the regex would backtrack.
/// </summary>
internal ref struct Pep440Reader(string text)
{
    private static readonly string[] PreLabels = ["alpha", "a", "beta", "b", "preview", "pre", "c", "rc"];
    private static readonly string[] PostLabels = ["post", "rev", "r"];

    private readonly string _s = text;
    private int _pos;

    public Pep440Version? Read()
    {
        if (Peek() == 'v')
        {
            _pos++;
        }

        var epoch = "0";
        var first = Digits();
        if (first is null)
        {
            return null;
        }

        if (Peek() == '!')
        {
            _pos++;
            epoch = first;
            first = Digits();
            if (first is null)
            {
                return null;
            }
        }

        var release = new List<string> { first };
        while (Peek() == '.' && _pos + 1 < _s.Length && VersionText.IsDigit(_s[_pos + 1]))
        {
            _pos++;
            release.Add(Digits()!);
        }

        var pre = ReadPre();
        var post = ReadPost();
        var dev = ReadLabelled(["dev"], out _);
        string[]? local = null;
        if (Peek() == '+')
        {
            _pos++;
            local = _s[_pos..].Split('.', '-', '_');
            if (local.Any(l => l.Length == 0 || l.AsSpan().ContainsAnyExcept(LocalChars)))
            {
                return null;
            }

            _pos = _s.Length;
        }

        return _pos == _s.Length ? Pep440Version.Create(epoch, [.. release], pre, post, dev, local) : null;
    }

    private static readonly System.Buffers.SearchValues<char> LocalChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    private (int Kind, string Number)? ReadPre()
    {
        var number = ReadLabelled(PreLabels, out var label);
        if (number is null)
        {
            return null;
        }

        var kind = label switch { "alpha" or "a" => 0, "beta" or "b" => 1, _ => 2 };
        return (kind, number);
    }

    private string? ReadPost()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
            if (Digits() is { } n)
            {
                return n;
            }

            _pos = start;
        }

        return ReadLabelled(PostLabels, out _);
    }

    /// <summary>[-_.]? label [-_.]? digits? — the number is "0" when implicit; null when the group does not match.</summary>
    private string? ReadLabelled(string[] labels, out string? label)
    {
        var start = _pos;
        label = null;
        if (Peek() is '-' or '_' or '.')
        {
            _pos++;
        }

        foreach (var candidate in labels)
        {
            if (string.CompareOrdinal(_s, _pos, candidate, 0, candidate.Length) == 0)
            {
                label = candidate;
                break;
            }
        }

        if (label is null)
        {
            _pos = start;
            return null;
        }

        _pos += label.Length;
        var beforeSeparator = _pos;
        if (Peek() is '-' or '_' or '.')
        {
            _pos++;
        }

        if (Digits() is { } number)
        {
            return number;
        }

        _pos = beforeSeparator;
        return "0";
    }

    private string? Digits()
    {
        var start = _pos;
        while (_pos < _s.Length && VersionText.IsDigit(_s[_pos]))
        {
            _pos++;
        }

        return _pos > start ? _s[start.._pos] : null;
    }

    private readonly char Peek() => _pos < _s.Length ? _s[_pos] : '\0';
}
