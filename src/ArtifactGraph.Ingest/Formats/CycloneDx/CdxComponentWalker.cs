using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// The order components are mapped in, shared by both readers so the same BOM yields the same batch (the
/// first listing of an identity names its node): the top-level list, then each nested list depth-first
/// (a list's own items before their children), then the subject's nested components. Iterative, so a
/// deeply nested document cannot overflow the stack; only lists still to map are held.
/// </summary>
internal static class CdxComponentWalker
{
    /// <param name="topLevel">The top-level <c>components</c>.</param>
    /// <param name="subjectChildren">The subject's nested components and the subject's node, if any.</param>
    /// <param name="mapList">Maps every item of a list (nested in the given node, null at top level) and
    /// returns the items' nested lists, in document order, with the item's node.</param>
    public static void Walk<TList>(
        TList topLevel,
        (TList List, NodeRef Subject)? subjectChildren,
        Func<TList, NodeRef?, IReadOnlyList<(TList Children, NodeRef Parent)>> mapList)
    {
        var pending = new Stack<(TList List, NodeRef? Parent)>();
        if (subjectChildren is { } subject)
        {
            pending.Push((subject.List, subject.Subject));
        }

        pending.Push((topLevel, null));
        while (pending.TryPop(out var next))
        {
            var nested = mapList(next.List, next.Parent);
            for (var i = nested.Count - 1; i >= 0; i--)
            {
                pending.Push((nested[i].Children, nested[i].Parent));
            }
        }
    }
}
