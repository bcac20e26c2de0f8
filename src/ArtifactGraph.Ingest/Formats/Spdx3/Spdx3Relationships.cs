using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// Relationship elements → edges. <c>contains</c> → CONTAINS, <c>dependsOn</c> → DEPENDS_ON (scope from a
/// LifecycleScopedRelationship), <c>generates</c> → BUILT_FROM reversed (the generated thing is built from
/// the source), <c>hasDeclaredLicense</c>/<c>hasConcludedLicense</c> → HAS_LICENSE; every other type, and
/// every end that is not a node here (an external IRI, a file without a hash), is kept as the property
/// <c>spdx3:rel:&lt;type&gt;</c> (space-separated spdxIds). A reference that names nothing in the document
/// and is not an IRI rejects it. <c>describes</c> (and <c>contains</c> from the document itself) name roots.
/// </summary>
internal sealed class Spdx3Relationships(IReadOnlyDictionary<string, Spdx3Element> byId, Spdx3Context context, IngestBatchBuilder builder)
{
    private readonly Dictionary<NodeRef, Dictionary<string, List<string>>> _kept = [];

    /// <summary>Targets of <c>describes</c> from the document (or of the document's own <c>contains</c>): more roots.</summary>
    public List<Spdx3Element> DescribedRoots { get; } = [];

    public int Dropped { get; private set; }

    public void Map(Spdx3Element relationship)
    {
        var type = relationship.String("relationshipType") is { Length: > 0 } t
            ? context.Normalize(t)
            : throw new DocumentRejectedException(relationship.Pointer, "relationship has no 'relationshipType'");
        var fromRefs = relationship.Refs("from").ToList();
        if (fromRefs.Count != 1)
        {
            throw new DocumentRejectedException(relationship.Pointer, "relationship needs exactly one 'from'");
        }

        var from = Resolve(fromRefs[0].Ref, fromRefs[0].Pointer);
        var targets = relationship.Refs("to")
            .Where(r => !Spdx3Types.IsNoneIndividual(context.Normalize(r.Ref)))
            .Select(r => (r.Ref, Element: Resolve(r.Ref, r.Pointer)))
            .ToList();

        if (from is not null && Spdx3Types.IsCollection(from.Type))
        {
            if (type is "describes" or "contains")
            {
                if (type == "contains")
                {
                    builder.Warn(relationship.Pointer, $"'{from.Type}' contains its elements: read as describes");
                }

                DescribedRoots.AddRange(targets.Select(t => t.Element).OfType<Spdx3Element>());
                Dropped += targets.Count(t => t.Element is null);
            }
            else
            {
                Dropped += targets.Count;
            }

            return;
        }

        foreach (var (reference, target) in targets)
        {
            if (!MapEdge(type, relationship, from, target))
            {
                Keep(type, from, fromRefs[0].Ref, target, reference);
            }
        }
    }

    /// <summary>Writes the kept relationships as node properties.</summary>
    public void Flush()
    {
        foreach (var (node, byType) in _kept)
        {
            builder.AddNode(node, properties: byType.Select(p => new KeyValuePair<string, string>(p.Key, string.Join(' ', p.Value.Distinct(StringComparer.Ordinal)))));
        }
    }

    private bool MapEdge(string type, Spdx3Element relationship, Spdx3Element? from, Spdx3Element? to)
    {
        if (from?.Node is not { } source || to is null)
        {
            return false;
        }

        if (type is "hasDeclaredLicense" or "hasConcludedLicense")
        {
            if (LicenseKey(to) is not { } key)
            {
                return Spdx3Types.IsLicense(to.Type); // NOASSERTION / NONE state an absence: nothing to keep
            }

            var license = builder.AddNode(new NodeRef(NodeKind.License, key), key, [new("license:kind", to.Type == "simplelicensing_LicenseExpression" ? "expression" : "name")]);
            builder.AddEdge(EdgeKind.HasLicense, source, license);
            return true;
        }

        if (to.Node is not { } target)
        {
            return false;
        }

        switch (type)
        {
            case "contains" when source != target:
                builder.AddEdge(EdgeKind.Contains, source, target);
                return true;
            case "dependsOn":
                builder.AddEdge(EdgeKind.DependsOn, source, target, [new("scope", Scope(relationship))]);
                return true;
            case "generates":
                builder.AddEdge(EdgeKind.BuiltFrom, target, source);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Keeps an unmapped relationship visible: on the source node, <c>spdx3:rel:&lt;type&gt;</c> lists the targets;
    /// when the source is not a node (external, or no node kind), the target node gets <c>spdx3:rel:&lt;type&gt;:from</c>.
    /// </summary>
    private void Keep(string type, Spdx3Element? from, string fromRef, Spdx3Element? to, string toRef)
    {
        if (from?.Node is { } source)
        {
            Add(source, "spdx3:rel:" + type, toRef);
        }
        else if (to?.Node is { } target)
        {
            Add(target, "spdx3:rel:" + type + ":from", fromRef);
        }
        else
        {
            Dropped++;
        }
    }

    private void Add(NodeRef node, string key, string value)
    {
        if (!_kept.TryGetValue(node, out var byType))
        {
            _kept[node] = byType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        }

        if (!byType.TryGetValue(key, out var values))
        {
            byType[key] = values = [];
        }

        values.Add(value);
    }

    /// <summary>The element a reference names; null for an external IRI; rejects a reference to nothing.</summary>
    private Spdx3Element? Resolve(string reference, string pointer)
    {
        if (byId.TryGetValue(reference, out var element))
        {
            return element;
        }

        // An absolute IRI may name an element of another document (SPDX 3 imports by IRI); a blank node or a
        // bare name can only mean this document, where it does not exist.
        return !reference.StartsWith("_:", StringComparison.Ordinal) && Uri.TryCreate(reference, UriKind.Absolute, out _)
            ? null
            : throw new DocumentRejectedException(pointer, $"'{reference}' names no element in this document and is not an IRI");
    }

    private static string? LicenseKey(Spdx3Element license)
    {
        var key = license.Type switch
        {
            "simplelicensing_LicenseExpression" => license.String("simplelicensing_licenseExpression"),
            _ when Spdx3Types.IsLicense(license.Type) => license.String("name") ?? license.Id,
            _ => null,
        };
        return key?.Trim() is { Length: > 0 } trimmed && trimmed is not ("NOASSERTION" or "NONE") ? trimmed : null;
    }

    /// <summary>LifecycleScopedRelationship <c>scope</c> → DEPENDS_ON scope: build, dev (development, test), runtime.</summary>
    private string Scope(Spdx3Element relationship) =>
        (relationship.String("scope") is { } scope ? context.Normalize(scope) : null) switch
        {
            "build" => "build",
            "development" or "test" => "dev",
            _ => "runtime",
        };
}
