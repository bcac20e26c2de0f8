using System.Text.Json;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>A component as found in the document (any nesting depth, or the metadata subject) and the node it became.</summary>
internal sealed class CdxComponent(JsonElement element, string pointer, string name, string? group, string? bomRef, string? type, CdxComponent? parent, bool isSubject)
{
    public JsonElement Element { get; } = element;

    public string Pointer { get; } = pointer;

    public string Name { get; } = name;

    public string? Group { get; } = group;

    public string? BomRef { get; } = bomRef;

    public string? Type { get; } = type;

    /// <summary>The component this one is nested in (<c>components[].components[]</c>); null at top level.</summary>
    public CdxComponent? Parent { get; } = parent;

    public bool IsSubject { get; } = isSubject;

    /// <summary>Name as displayed: <c>group/name</c> when the component has a group.</summary>
    public string DisplayName => Group is { Length: > 0 } ? Group + "/" + Name : Name;

    public NodeRef Node { get; set; }

    /// <summary>
    /// Reads the fields every later step needs, rejecting a component without a name. Nested components
    /// are not read here; <see cref="CdxComponentWalker"/> visits them.
    /// </summary>
    public static CdxComponent Read(JsonElement element, string pointer, CdxComponent? parent, bool isSubject)
    {
        var name = CdxJson.OptionalString(element, "name", pointer);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DocumentRejectedException(pointer, "component has no 'name' (required by the CycloneDX schema)");
        }

        return new CdxComponent(
            element,
            pointer,
            name.Trim(),
            CdxJson.OptionalString(element, "group", pointer)?.Trim(),
            CdxJson.OptionalString(element, "bom-ref", pointer),
            CdxJson.OptionalString(element, "type", pointer),
            parent,
            isSubject);
    }
}
