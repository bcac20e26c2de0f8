namespace ArtifactGraph.Core.Versions;

/// <summary>
/// node-semver range syntax → vers: <c>||</c> alternatives, space-separated comparators, hyphen ranges,
/// x-ranges (<c>1.2.x</c>, <c>1.*</c>), tilde and caret. An operator on a partial version pads it with zeros
/// (<c>&lt;=1.0</c> → <c>&lt;=1.0.0</c>), and so does a bare partial version (<c>2.1</c> → <c>2.1.0</c>), as univers and
/// the vers test suite do for advisory data; node-semver would read them as <c>&lt;1.1.0-0</c> and <c>2.1.x</c>. Only an
/// explicit wildcard (<c>2.1.x</c>, <c>2.*</c>) makes an x-range. All constraints go into one vers range, sorted.
/// </summary>
internal static class VersFromNpm
{
    private static readonly string[] Operators = [">=", "<=", ">", "<", "=", "~>", "~", "^"];

    public static VersRange Convert(string native)
    {
        var text = native.Trim();
        if (text is "" or "*" or "x" or "X")
        {
            return VersRange.Star("npm");
        }

        var constraints = new List<VersConstraint>();
        foreach (var alternative in text.Split("||"))
        {
            var tokens = Tokens(alternative);
            if (tokens.Count == 0)
            {
                throw new FormatException($"'{native}' has an empty alternative");
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                if (i + 2 < tokens.Count && tokens[i + 1] == "-")
                {
                    constraints.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, Pad(Partial.Read(tokens[i]))));
                    constraints.Add(new VersConstraint(VersComparator.LessThanOrEqual, Pad(Partial.Read(tokens[i + 2]))));
                    i += 2;
                    continue;
                }

                Translate(tokens[i], constraints);
            }
        }

        return constraints.Count == 0 ? VersRange.Star("npm") : VersRange.Create("npm", constraints);
    }

    /// <summary>Whitespace-separated tokens with a lone operator joined to the version after it (">= 1.1").</summary>
    private static List<string> Tokens(string alternative)
    {
        var raw = alternative.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var tokens = new List<string>();
        for (var i = 0; i < raw.Length; i++)
        {
            if (Operators.Contains(raw[i]) && i + 1 < raw.Length)
            {
                tokens.Add(raw[i] + raw[++i]);
            }
            else
            {
                tokens.Add(raw[i]);
            }
        }

        return tokens;
    }

    private static void Translate(string token, List<VersConstraint> output)
    {
        var op = Operators.FirstOrDefault(o => token.StartsWith(o, StringComparison.Ordinal)) ?? "";
        var p = Partial.Read(token[op.Length..]);
        if (p.Major is null)
        {
            return; // "*", ">=*", "~x" constrain nothing
        }

        switch (op)
        {
            case "" or "=":
                if (p.Wildcard)
                {
                    XRange(p, output);
                }
                else
                {
                    output.Add(new VersConstraint(VersComparator.Equal, Pad(p)));
                }

                break;
            case "~" or "~>":
                output.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, Pad(p)));
                output.Add(new VersConstraint(VersComparator.LessThan, p.Minor is null ? $"{Inc(p.Major)}.0.0" : $"{p.Major}.{Inc(p.Minor)}.0"));
                break;
            case "^":
                output.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, Pad(p)));
                output.Add(new VersConstraint(VersComparator.LessThan, CaretUpper(p)));
                break;
            default:
                output.Add(new VersConstraint(op switch
                {
                    ">=" => VersComparator.GreaterThanOrEqual,
                    "<=" => VersComparator.LessThanOrEqual,
                    ">" => VersComparator.GreaterThan,
                    _ => VersComparator.LessThan,
                }, Pad(p)));
                break;
        }
    }

    private static void XRange(Partial p, List<VersConstraint> output)
    {
        if (p.Major is null)
        {
            return;
        }

        output.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, Pad(p)));
        output.Add(new VersConstraint(VersComparator.LessThan, p.Minor is null ? $"{Inc(p.Major)}.0.0" : $"{p.Major}.{Inc(p.Minor)}.0"));
    }

    private static string CaretUpper(Partial p)
    {
        if (p.Major is null)
        {
            throw new FormatException("'^' needs a version");
        }

        if (p.Major.TrimStart('0').Length > 0 || p.Minor is null)
        {
            return $"{Inc(p.Major)}.0.0";
        }

        if (p.Minor.TrimStart('0').Length > 0 || p.Patch is null)
        {
            return $"{p.Major}.{Inc(p.Minor)}.0";
        }

        return $"{p.Major}.{p.Minor}.{Inc(p.Patch)}";
    }

    private static string Pad(Partial p) =>
        $"{p.Major ?? "0"}.{p.Minor ?? "0"}.{p.Patch ?? "0"}{p.Suffix}";

    private static string Inc(string? number) =>
        (ulong.Parse(number ?? "0", System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A possibly partial version; x, X and * parts are null.</summary>
    private sealed record Partial(string? Major, string? Minor, string? Patch, string Suffix)
    {
        /// <summary>Written with x, X or * (not merely shortened).</summary>
        public bool Wildcard { get; private init; }

        public static Partial Read(string text)
        {
            var s = text.Trim().TrimStart('v', 'V', '=');
            var suffixAt = s.IndexOfAny(['-', '+']);
            var suffix = suffixAt >= 0 ? s[suffixAt..] : "";
            var parts = (suffixAt >= 0 ? s[..suffixAt] : s).Split('.');
            if (parts.Length > 3 || parts.Any(x => x.Length == 0))
            {
                throw new FormatException($"'{text}' is not an npm version");
            }

            string? Part(int i)
            {
                if (i >= parts.Length || parts[i] is "x" or "X" or "*")
                {
                    return null;
                }

                return VersionText.IsAllDigits(parts[i]) ? parts[i] : throw new FormatException($"'{text}' is not an npm version");
            }

            var major = Part(0);
            var minor = major is null ? null : Part(1);
            var patch = minor is null ? null : Part(2);
            var wildcard = parts.Any(x => x is "x" or "X" or "*");
            return new Partial(major, minor, patch, patch is null ? "" : suffix) { Wildcard = wildcard };
        }
    }
}
