using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// Services are not mapped yet (ontology.md lists them as dropped), but their bom-refs are legal
/// dependency targets, so they are collected (at every depth) to tell a service ref from a broken one.
/// </summary>
internal static class CdxServices
{
    public static HashSet<string> CollectRefs(JsonElement root, ISet<string> bomRefs)
    {
        var refs = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(JsonElement Owner, string Pointer)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            var (owner, pointer) = pending.Pop();
            foreach (var (service, servicePointer) in CdxJson.ObjectArray(owner, "services", pointer))
            {
                if (CdxJson.OptionalString(service, "bom-ref", servicePointer) is { } bomRef)
                {
                    if (!bomRefs.Add(bomRef))
                    {
                        throw new DocumentRejectedException(servicePointer + "/bom-ref", $"duplicate bom-ref '{bomRef}'");
                    }

                    refs.Add(bomRef);
                }

                pending.Push((service, servicePointer));
            }
        }

        return refs;
    }
}
