using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Collects components at every nesting depth (<c>components[].components[]</c>, also under
/// <c>metadata.component</c>) and checks that bom-refs are unique across the document.
/// Iterative, so a deeply nested document cannot overflow the stack.
/// </summary>
internal static class CdxComponentWalker
{
    public static List<CdxComponent> Collect(JsonElement root, CdxComponent? subject, ISet<string> bomRefs)
    {
        var found = new List<CdxComponent>();
        var pending = new Stack<(JsonElement Owner, string Pointer, CdxComponent? Parent)>();
        if (subject is not null)
        {
            pending.Push((subject.Element, subject.Pointer, subject));
        }

        pending.Push((root, string.Empty, null));
        while (pending.Count > 0)
        {
            var (owner, pointer, parent) = pending.Pop();
            var children = CdxJson.ObjectArray(owner, "components", pointer)
                .Select(c => CdxComponent.Read(c.Item, c.Pointer, parent, isSubject: false))
                .ToList();
            foreach (var child in children)
            {
                if (child.BomRef is { } bomRef && !bomRefs.Add(bomRef))
                {
                    throw new DocumentRejectedException(child.Pointer + "/bom-ref", $"duplicate bom-ref '{bomRef}'");
                }

                found.Add(child);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push((children[i].Element, children[i].Pointer, children[i]));
            }
        }

        return found;
    }
}
