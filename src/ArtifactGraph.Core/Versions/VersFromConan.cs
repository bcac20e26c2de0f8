namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Conan 2 version ranges → vers: <c>||</c> alternatives of space-separated conditions; <c>~</c> bumps the
/// minor (or the major of a one-part version), <c>^</c> the first non-zero part; upper bounds end in '-'
/// to exclude the bound's pre-releases, as Conan writes them. A trailing '-' on an operand (include
/// pre-releases) and options after a comma do not change the range; <c>*</c> is <c>&gt;=0.0.0</c>.
/// </summary>
internal static class VersFromConan
{
    private static readonly string[] Operators = [">=", "<=", ">", "<", "=", "~", "^"];

    public static VersRange Convert(string native)
    {
        var text = native.Split(',')[0].Trim();
        if (text.Length == 0)
        {
            return VersRange.Create("conan", []);
        }

        var constraints = new List<VersConstraint>();
        foreach (var alternative in text.Split("||"))
        {
            foreach (var token in alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var op = Operators.FirstOrDefault(o => token.StartsWith(o, StringComparison.Ordinal)) ?? "";
                var version = token[op.Length..];
                if (version.EndsWith('-'))
                {
                    version = version[..^1];
                }

                if (version.Length == 0 || version == "*")
                {
                    constraints.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, "0.0.0"));
                    continue;
                }

                var main = version.Split('-', '+')[0].Split('.');
                switch (op)
                {
                    case "~":
                        constraints.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, version));
                        constraints.Add(new VersConstraint(VersComparator.LessThan, UpperBound(main, main.Length > 1 ? 1 : 0)));
                        break;
                    case "^":
                        var firstNonZero = Array.FindIndex(main, m => !(VersionText.IsAllDigits(m) && m.TrimStart('0').Length == 0));
                        constraints.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, version));
                        constraints.Add(new VersConstraint(VersComparator.LessThan, UpperBound(main, firstNonZero < 0 ? main.Length - 1 : firstNonZero)));
                        break;
                    default:
                        constraints.Add(new VersConstraint(op switch
                        {
                            ">=" => VersComparator.GreaterThanOrEqual,
                            "<=" => VersComparator.LessThanOrEqual,
                            ">" => VersComparator.GreaterThan,
                            "<" => VersComparator.LessThan,
                            _ => VersComparator.Equal,
                        }, version));
                        break;
                }
            }
        }

        return VersRange.Create("conan", constraints);
    }

    private static string UpperBound(string[] main, int index) => VersFromNative.Bump(main[..(index + 1)]) + "-";
}
