namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// Hubs are the few nodes with very long forward rows: images listing every component they hold. In a
/// reverse walk from a popular package nearly every component row ends in hundreds of such images, so
/// most of the edges read lead to images already visited. Knowing the hubs lets the walk look at the
/// still unvisited ones from their own side instead (<see cref="Queries.BreadthFirst"/>).
/// </summary>
internal static class Hubs
{
    /// <summary>
    /// A node is a hub from this many forward edges. Below a few hundred the bottom-up look costs as much
    /// as it saves; packages have a handful of dependencies, images hundreds to thousands of components.
    /// </summary>
    public const int RowLength = 128;

    public static int[] Find(Adjacency forward, out ulong[] isHub)
    {
        var offsets = forward.Offsets;
        var nodeCount = offsets.Length - 1;
        isHub = new ulong[(nodeCount + 63) >> 6];
        var hubs = new List<int>();
        for (var n = 0; n < nodeCount; n++)
        {
            if (offsets[n + 1] - offsets[n] >= RowLength)
            {
                hubs.Add(n);
                isHub[n >> 6] |= 1UL << n;
            }
        }

        return [.. hubs];
    }
}
