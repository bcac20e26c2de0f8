namespace ArtifactGraph.Core.Versions;

/// <summary>
/// A vers range (<c>vers:npm/&gt;=1.0.0|&lt;2.0.0</c>, <c>vers:deb/*</c>). Parse is strict (canonical form:
/// no spaces, no empty constraints, versions valid and sorted in the scheme); <see cref="ParseLenient"/>
/// reads real-world data (spaces, any order) and normalizes it by sorting the constraints.
/// </summary>
public sealed class VersRange
{
    private VersRange(string scheme, IReadOnlyList<VersConstraint> constraints, bool isStar)
    {
        Scheme = scheme;
        Constraints = constraints;
        IsStar = isStar;
    }

    /// <summary>The vers scheme as written, lower-cased (<c>npm</c>, <c>deb</c> ...).</summary>
    public string Scheme { get; }

    public IReadOnlyList<VersConstraint> Constraints { get; }

    /// <summary><c>vers:x/*</c>: every version.</summary>
    public bool IsStar { get; }

    /// <summary>The scheme's ordering; the generic fallback when vers names a scheme this project does not know.</summary>
    public IVersionScheme VersionScheme => VersionSchemes.ForVersScheme(Scheme) ?? VersionSchemes.Generic;

    public static VersRange Parse(string text) =>
        TryParse(text, strict: true, out var range, out var error) ? range! : throw new FormatException($"'{text}': {error}");

    public static VersRange ParseLenient(string text) =>
        TryParse(text, strict: false, out var range, out var error) ? range! : throw new FormatException($"'{text}': {error}");

    public static bool TryParse(string text, bool strict, out VersRange? range, out string? error)
    {
        range = null;
        var source = strict ? text : string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (!source.StartsWith("vers:", StringComparison.OrdinalIgnoreCase))
        {
            error = "does not start with 'vers:'";
            return false;
        }

        var slash = source.IndexOf('/', 5);
        if (slash < 0 || slash == 5)
        {
            error = "has no '<scheme>/' after 'vers:'";
            return false;
        }

        var scheme = source[5..slash];
        if (strict && !string.Equals(scheme, scheme.ToLowerInvariant(), StringComparison.Ordinal))
        {
            error = $"scheme '{scheme}' is not lower-case";
            return false;
        }

        scheme = scheme.ToLowerInvariant();
        var body = source[(slash + 1)..];
        if (body == "*")
        {
            range = new VersRange(scheme, [], isStar: true);
            error = null;
            return true;
        }

        var constraints = new List<VersConstraint>();
        foreach (var part in body.Split('|'))
        {
            if (part.Length == 0 || (strict && part.Any(char.IsWhiteSpace)))
            {
                error = part.Length == 0 ? "has an empty constraint" : $"constraint '{part}' has whitespace";
                return false;
            }

            var (comparator, length) = ReadComparator(part);
            var version = VersText.Decode(part[length..], strict, out error);
            if (version is null)
            {
                return false;
            }

            if (version.Length == 0)
            {
                error = $"constraint '{part}' has no version";
                return false;
            }

            constraints.Add(new VersConstraint(comparator, version));
        }

        var versionScheme = VersionSchemes.ForVersScheme(scheme) ?? VersionSchemes.Generic;
        var invalid = constraints.FirstOrDefault(c => !versionScheme.IsValid(c.Version));
        if (invalid.Version is not null)
        {
            error = $"'{invalid.Version}' is not a valid {versionScheme.Name} version";
            return false;
        }

        if (strict)
        {
            for (var i = 1; i < constraints.Count; i++)
            {
                if (versionScheme.Compare(constraints[i - 1].Version, constraints[i].Version) > 0)
                {
                    error = $"constraints are not sorted: '{constraints[i - 1]}' comes before '{constraints[i]}'";
                    return false;
                }
            }
        }
        else
        {
            constraints = StableSort(constraints, versionScheme);
        }

        range = new VersRange(scheme, constraints, isStar: false);
        error = null;
        return true;
    }

    /// <summary>Builds a range from constraints, sorting them (stable) in the scheme's order.</summary>
    public static VersRange Create(string scheme, IEnumerable<VersConstraint> constraints)
    {
        var versionScheme = VersionSchemes.ForVersScheme(scheme) ?? VersionSchemes.Generic;
        return new VersRange(scheme, StableSort([.. constraints], versionScheme), isStar: false);
    }

    public static VersRange Star(string scheme) => new(scheme, [], isStar: true);

    public bool Contains(string version) => Contains(version, VersionScheme);

    /// <summary>The vers containment algorithm; throws <see cref="FormatException"/> if a version does not parse in the scheme.</summary>
    public bool Contains(string version, IVersionScheme scheme) => VersContainment.Contains(this, version, scheme);

    public override string ToString() =>
        $"vers:{Scheme}/" + (IsStar ? "*" : string.Join('|', Constraints.Select(c => c.ToString())));

    /// <summary>Sorts by version in the scheme; equal versions keep their written order.</summary>
    private static List<VersConstraint> StableSort(List<VersConstraint> constraints, IVersionScheme scheme)
    {
        var indexed = constraints.Select((c, i) => (Constraint: c, Index: i)).ToList();
        indexed.Sort((a, b) =>
        {
            var c = scheme.Compare(a.Constraint.Version, b.Constraint.Version);
            if (c == 0)
            {
                // Ties: "<1.5.0" before ">=1.5.0" (comparator symbols in ordinal order), then as written.
                c = string.CompareOrdinal(SortSymbol(a.Constraint), SortSymbol(b.Constraint));
            }

            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        return [.. indexed.Select(p => p.Constraint)];
    }

    private static string SortSymbol(VersConstraint c) => c.Comparator == VersComparator.Equal ? "=" : c.Symbol;

    private static (VersComparator, int) ReadComparator(string part) =>
        part.StartsWith(">=", StringComparison.Ordinal) ? (VersComparator.GreaterThanOrEqual, 2)
        : part.StartsWith("<=", StringComparison.Ordinal) ? (VersComparator.LessThanOrEqual, 2)
        : part.StartsWith("!=", StringComparison.Ordinal) ? (VersComparator.NotEqual, 2)
        : part.StartsWith('>') ? (VersComparator.GreaterThan, 1)
        : part.StartsWith('<') ? (VersComparator.LessThan, 1)
        : part.StartsWith('=') ? (VersComparator.Equal, 1)
        : (VersComparator.Equal, 0);
}
