using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// CycloneDX JSON → <see cref="IngestBatch"/> in bounded memory: one syntax pass over the bytes
/// (<see cref="CdxJsonTopLevel"/>), then the header, then each component and each dependency entry parsed
/// alone and mapped at once (<see cref="CdxBomMapper"/>), so a 250 MB BOM is never a whole
/// <see cref="JsonDocument"/> or model. Parts are read in the order a whole-document parse read them, so the
/// same problem is reported first.
/// </summary>
internal static class CdxJsonStream
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static IngestBatch Read(ReadOnlyMemory<byte> json, DocumentInput input, string format)
    {
        using var top = CdxJsonTopLevel.Scan(json);
        using var headerDocument = JsonDocument.Parse(top.Header(), Options);
        var root = headerDocument.RootElement;
        var (header, subject) = CdxJsonParser.ReadHeader(root, top.SectionCounts());

        var mapper = new CdxBomMapper(input, format, header);
        mapper.ExpectComponents(top.Count("components"));
        (ComponentList, NodeRef)? subjectChildren = null;
        if (subject is not null)
        {
            var node = mapper.MapSubject(subject);

            // ReadHeader checked the subject's nested components; they are mapped last, from their bytes.
            if (top.Value("metadata") is { } metadata
                && CdxJsonItems.Property(metadata, "component") is { } component
                && CdxJsonItems.Property(component, "components") is { Span: [(byte)'[', ..] } children)
            {
                subjectChildren = (new ComponentList(CdxJsonItems.Items(children), "/metadata/component/components", CheckNested: false), node);
            }
        }

        CheckArray(top, "components");
        CdxComponentWalker.Walk(new ComponentList(top.Items("components"), "/components", CheckNested: true) { Recorded = top }, subjectChildren, (list, parent) => MapList(list, parent, mapper));

        foreach (var service in CdxJsonParser.ReadServiceRefs(root))
        {
            mapper.ClaimService(service);
        }

        mapper.EndComponents();
        CheckArray(top, "dependencies");
        foreach (var (entry, token, index) in top.Items("dependencies"))
        {
            var at = CdxLocation.Item("/dependencies", index);
            if (token != JsonTokenType.StartObject)
            {
                throw CdxJson.WrongType(at.ToString(), "an object", token);
            }

            CdxJsonDependency.Map(entry.Span, at, mapper.Dependencies);
        }

        CheckArray(top, "vulnerabilities");
        foreach (var (entry, token, index) in top.Items("vulnerabilities"))
        {
            var pointer = "/vulnerabilities/" + index;
            using var document = ParseObject(entry, token, pointer);
            mapper.AddVulnerability(CdxVulnerabilityJson.Read(document.RootElement, pointer));
        }

        return mapper.Finish();
    }

    /// <summary>Maps one <c>components</c> array, item by item; returns the items that have nested components.</summary>
    private static List<(ComponentList, NodeRef)> MapList(ComponentList list, NodeRef? parent, CdxBomMapper mapper)
    {
        var nested = new List<(ComponentList, NodeRef)>();
        foreach (var (item, token, index) in list.Items)
        {
            var pointer = list.Pointer + "/" + index;
            if (token != JsonTokenType.StartObject)
            {
                throw CdxJson.WrongType(pointer, "an object", token);
            }

            // A top-level component's whole subtree is checked now, where a whole-document parse did.
            var component = CdxJsonComponent.Read(item.Span, pointer, list.CheckNested, out var hasChildren, list.Recorded is { } top ? top.ComponentMembers(index) : default);
            var node = mapper.MapComponent(component, parent);
            if (hasChildren)
            {
                nested.Add((new ComponentList(CdxJsonItems.Items(CdxJsonItems.Property(item, "components")!.Value), pointer + "/components", CheckNested: false), node));
            }
        }

        return nested;
    }

    /// <summary>A top-level array member may be absent or null; anything else but an array rejects.</summary>
    private static void CheckArray(CdxJsonTopLevel top, string name)
    {
        if (top.Token(name) is { } token and not (JsonTokenType.Null or JsonTokenType.StartArray))
        {
            throw CdxJson.WrongType("/" + name, "an array", token);
        }
    }

    private static JsonDocument ParseObject(ReadOnlyMemory<byte> item, JsonTokenType token, string pointer) =>
        token == JsonTokenType.StartObject
            ? JsonDocument.Parse(item, Options)
            : throw CdxJson.WrongType(pointer, "an object", token);

    /// <summary>A <c>components</c> array still to map: its items (read lazily), its JSON pointer, and whether its items' subtrees are unchecked.</summary>
    private sealed record ComponentList(IEnumerable<(ReadOnlyMemory<byte> Item, JsonTokenType Token, int Index)> Items, string Pointer, bool CheckNested)
    {
        /// <summary>The syntax pass that recorded where its items' members are (the top-level list only).</summary>
        public CdxJsonTopLevel? Recorded { get; init; }
    }
}
