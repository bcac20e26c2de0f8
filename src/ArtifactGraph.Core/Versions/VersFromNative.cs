namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Converts an ecosystem's own range notation into a vers range (the vers spec's "from native" step).
/// npm and Conan have their own files; the small notations (PyPI specifiers, NuGet intervals, RubyGems
/// requirements, OpenSSL and nginx advisory lists) are here.
/// </summary>
public static class VersFromNative
{
    private static readonly string[] PypiOperators = ["==", "!=", "<=", ">=", "<", ">"];

    /// <summary>The vers range for <paramref name="native"/> in <paramref name="scheme"/>; throws <see cref="FormatException"/> when unreadable.</summary>
    public static VersRange Convert(string scheme, string native) => scheme.ToLowerInvariant() switch
    {
        "npm" => VersFromNpm.Convert(native),
        "conan" => VersFromConan.Convert(native),
        "pypi" => FromPypi(native),
        "nuget" => FromNuGet(native),
        "gem" => FromGem(native),
        "openssl" => VersRange.Create("openssl", native.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => new VersConstraint(VersComparator.Equal, v))),
        "nginx" => FromNginx(native),
        _ => throw new FormatException($"no native range syntax known for vers scheme '{scheme}'"),
    };

    private static VersRange FromPypi(string native)
    {
        var constraints = new List<VersConstraint>();
        foreach (var spec in native.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var s = spec.Replace(" ", "", StringComparison.Ordinal);
            if (s.StartsWith("~=", StringComparison.Ordinal))
            {
                // ~=2.2.1 means >=2.2.1, ==2.2.*
                var v = s[2..];
                var parts = v.Split('.');
                constraints.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, v));
                constraints.Add(new VersConstraint(VersComparator.LessThan, Bump(parts[..^1])));
                continue;
            }

            var op = s.StartsWith("===", StringComparison.Ordinal) ? "===" : PypiOperators.FirstOrDefault(o => s.StartsWith(o, StringComparison.Ordinal)) ?? "";
            var version = s[op.Length..];
            constraints.Add(new VersConstraint(op switch
            {
                "!=" => VersComparator.NotEqual,
                "<=" => VersComparator.LessThanOrEqual,
                ">=" => VersComparator.GreaterThanOrEqual,
                "<" => VersComparator.LessThan,
                ">" => VersComparator.GreaterThan,
                _ => VersComparator.Equal,
            }, version));
        }

        return VersRange.Create("pypi", constraints);
    }

    /// <summary>NuGet intervals: <c>1.0</c> (≥ 1.0), <c>[1.0]</c>, <c>[1.0, 2.0)</c>, <c>(,1.0]</c>.</summary>
    private static VersRange FromNuGet(string native)
    {
        var s = native.Trim();
        if (s.Length == 0 || (s[0] is not ('[' or '(')))
        {
            return VersRange.Create("nuget", [new VersConstraint(VersComparator.GreaterThanOrEqual, s)]);
        }

        if (s[^1] is not (']' or ')'))
        {
            throw new FormatException($"'{native}' is not a NuGet version range");
        }

        var inner = s[1..^1].Split(',', StringSplitOptions.TrimEntries);
        if (inner.Length == 1)
        {
            return VersRange.Create("nuget", [new VersConstraint(VersComparator.Equal, inner[0])]);
        }

        var constraints = new List<VersConstraint>();
        if (inner[0].Length > 0)
        {
            constraints.Add(new VersConstraint(s[0] == '[' ? VersComparator.GreaterThanOrEqual : VersComparator.GreaterThan, inner[0]));
        }

        if (inner[1].Length > 0)
        {
            constraints.Add(new VersConstraint(s[^1] == ']' ? VersComparator.LessThanOrEqual : VersComparator.LessThan, inner[1]));
        }

        return VersRange.Create("nuget", constraints);
    }

    /// <summary>RubyGems requirements: <c>~&gt; 2.0.8</c> is ≥ 2.0.8 and &lt; 2.1; others map one to one.</summary>
    private static VersRange FromGem(string native)
    {
        var constraints = new List<VersConstraint>();
        foreach (var req in native.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var s = req.Replace(" ", "", StringComparison.Ordinal);
            if (s.StartsWith("~>", StringComparison.Ordinal))
            {
                var v = s[2..];
                var parts = v.Split('.');
                constraints.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, v));
                constraints.Add(new VersConstraint(VersComparator.LessThan, Bump(parts.Length > 1 ? parts[..^1] : parts)));
                continue;
            }

            constraints.Add(s switch
            {
                _ when s.StartsWith(">=", StringComparison.Ordinal) => new(VersComparator.GreaterThanOrEqual, s[2..]),
                _ when s.StartsWith("<=", StringComparison.Ordinal) => new(VersComparator.LessThanOrEqual, s[2..]),
                _ when s.StartsWith("!=", StringComparison.Ordinal) => new(VersComparator.NotEqual, s[2..]),
                _ when s.StartsWith('>') => new(VersComparator.GreaterThan, s[1..]),
                _ when s.StartsWith('<') => new(VersComparator.LessThan, s[1..]),
                _ when s.StartsWith('=') => new(VersComparator.Equal, s[1..]),
                _ => new(VersComparator.Equal, s),
            });
        }

        return VersRange.Create("gem", constraints);
    }

    /// <summary>
    /// nginx advisories: <c>0.7.52-0.8.39</c> is a closed range; <c>0.8.40+</c> means "0.8.40 and later in
    /// that branch": a stable branch (even minor) ends at the next minor, a mainline one (odd minor) does not.
    /// </summary>
    private static VersRange FromNginx(string native)
    {
        var constraints = new List<VersConstraint>();
        foreach (var item in native.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item.EndsWith('+'))
            {
                var v = item[..^1];
                var parts = v.Split('.');
                constraints.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, v));
                if (parts.Length >= 2 && int.TryParse(parts[1], out var minor) && minor % 2 == 0)
                {
                    constraints.Add(new VersConstraint(VersComparator.LessThan, $"{parts[0]}.{minor + 1}.0"));
                }
            }
            else if (item.Split('-') is [var low, var high])
            {
                constraints.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, low));
                constraints.Add(new VersConstraint(VersComparator.LessThanOrEqual, high));
            }
            else
            {
                constraints.Add(new VersConstraint(VersComparator.Equal, item));
            }
        }

        return VersRange.Create("nginx", constraints);
    }

    /// <summary>Increments the last numeric part: [2, 0] → "2.1".</summary>
    internal static string Bump(string[] parts)
    {
        if (parts.Length == 0 || !long.TryParse(parts[^1], out var last))
        {
            throw new FormatException($"cannot bump '{string.Join('.', parts)}'");
        }

        return string.Join('.', [.. parts[..^1], (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }
}
