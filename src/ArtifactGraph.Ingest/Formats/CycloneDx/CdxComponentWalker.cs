namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Flattens components at every nesting depth (<c>components[].components[]</c>, also under
/// <c>metadata.component</c>) and checks that bom-refs are unique across the document.
/// Iterative, so a deeply nested document cannot overflow the stack.
/// </summary>
internal static class CdxComponentWalker
{
    public static List<CdxComponent> Collect(CdxBom bom, ISet<string> bomRefs)
    {
        var found = new List<CdxComponent>();
        var pending = new Stack<IReadOnlyList<CdxComponent>>();
        if (bom.Subject is { } subject)
        {
            Claim(subject, bomRefs);
            pending.Push(subject.Children);
        }

        pending.Push(bom.Components);
        while (pending.Count > 0)
        {
            var children = pending.Pop();
            foreach (var child in children)
            {
                Claim(child, bomRefs);
                found.Add(child);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i].Children);
            }
        }

        return found;
    }

    /// <summary>Services share the bom-ref namespace; returns their refs.</summary>
    public static HashSet<string> ClaimServiceRefs(CdxBom bom, ISet<string> bomRefs)
    {
        var refs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in bom.ServiceRefs)
        {
            if (!bomRefs.Add(service.Ref))
            {
                throw new DocumentRejectedException(service.Location, $"duplicate bom-ref '{service.Ref}'");
            }

            refs.Add(service.Ref);
        }

        return refs;
    }

    private static void Claim(CdxComponent component, ISet<string> bomRefs)
    {
        if (component.BomRef is { } bomRef && !bomRefs.Add(bomRef))
        {
            throw new DocumentRejectedException(component.BomRefLocation, $"duplicate bom-ref '{bomRef}'");
        }
    }
}
