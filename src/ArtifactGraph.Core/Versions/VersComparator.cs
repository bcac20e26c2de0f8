namespace ArtifactGraph.Core.Versions;

/// <summary>A vers comparator. <see cref="Equal"/> is written without a symbol in canonical vers.</summary>
public enum VersComparator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>One <c>comparator version</c> pair of a vers range; the version is decoded (no percent escapes).</summary>
public readonly record struct VersConstraint(VersComparator Comparator, string Version)
{
    public bool IsLower => Comparator is VersComparator.GreaterThan or VersComparator.GreaterThanOrEqual;

    public bool IsUpper => Comparator is VersComparator.LessThan or VersComparator.LessThanOrEqual;

    public string Symbol => Comparator switch
    {
        VersComparator.Equal => "",
        VersComparator.NotEqual => "!=",
        VersComparator.LessThan => "<",
        VersComparator.LessThanOrEqual => "<=",
        VersComparator.GreaterThan => ">",
        _ => ">=",
    };

    /// <summary>Whether <paramref name="comparison"/> (candidate compared with this version) satisfies the comparator.</summary>
    public bool Accepts(int comparison) => Comparator switch
    {
        VersComparator.Equal => comparison == 0,
        VersComparator.NotEqual => comparison != 0,
        VersComparator.LessThan => comparison < 0,
        VersComparator.LessThanOrEqual => comparison <= 0,
        VersComparator.GreaterThan => comparison > 0,
        _ => comparison >= 0,
    };

    public override string ToString() => Symbol + VersText.Encode(Version);
}
