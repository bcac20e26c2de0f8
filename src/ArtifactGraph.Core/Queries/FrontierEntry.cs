namespace ArtifactGraph.Core.Queries;

/// <summary>
/// One node of a level to expand, as the walk lists it (<see cref="BreadthFirst"/>): its position in the tree, and in
/// the top bits what expanding it reads, found while the level was reported, so the expansion loads none of it again.
/// </summary>
internal static class FrontierEntry
{
    /// <summary>Its runners come from their range (<see cref="Indexing.RunnerRanges"/>): the sign bit.</summary>
    public const int Ranged = int.MinValue;

    /// <summary>Its row along the walk has an allowed edge (other than RUNS, when <see cref="Ranged"/>).</summary>
    public const int Row = 1 << 30;

    /// <summary>Its row against the walk is read for the symmetric kinds (OCCURS_AS).</summary>
    public const int Against = 1 << 29;

    /// <summary>The bits of the position. A snapshot has at most this many nodes, so every position fits.</summary>
    public const int PositionMask = Against - 1;
}
