namespace ArtifactGraph.Core.Versions;

/// <summary>The vers specification's containment algorithm over a range whose constraints are sorted.</summary>
internal static class VersContainment
{
    public static bool Contains(VersRange range, string version, IVersionScheme scheme) => Explain(range, version, scheme) is not null;

    /// <summary>The constraint (or pair) that contains the version, written for people; null when not contained.</summary>
    public static string? Explain(VersRange range, string version, IVersionScheme scheme)
    {
        if (range.IsStar)
        {
            return "every version (*)";
        }

        foreach (var c in range.Constraints)
        {
            if (c.Comparator is VersComparator.Equal or VersComparator.NotEqual && scheme.Compare(version, c.Version) == 0)
            {
                return c.Comparator == VersComparator.Equal ? $"= {c.Version}" : null;
            }
        }

        var bounds = range.Constraints.Where(c => c.Comparator is not (VersComparator.Equal or VersComparator.NotEqual)).ToList();
        if (bounds.Count == 0)
        {
            return null;
        }

        var first = bounds[0];
        if (first.IsUpper && first.Accepts(scheme.Compare(version, first.Version)))
        {
            return $"{first.Symbol} {first.Version}";
        }

        var last = bounds[^1];
        if (last.IsLower && last.Accepts(scheme.Compare(version, last.Version)))
        {
            return $"{last.Symbol} {last.Version}";
        }

        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var lower = bounds[i];
            var upper = bounds[i + 1];
            if (lower.IsLower && upper.IsUpper
                && lower.Accepts(scheme.Compare(version, lower.Version))
                && upper.Accepts(scheme.Compare(version, upper.Version)))
            {
                return $"{lower.Symbol} {lower.Version} and {upper.Symbol} {upper.Version}";
            }
        }

        return null;
    }
}
