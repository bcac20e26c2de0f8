using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Relationships → edges or properties (Spdx2RelationshipTypes). Ends that are NOASSERTION/NONE skip the
/// relationship; an end naming no element of the document (and not <c>DocumentRef-x:</c>) rejects it; an end
/// in another document is kept as <c>spdx:externalRef</c> on the local end. Also collects the DESCRIBES targets.
/// </summary>
internal static class Spdx2RelationshipMapper
{
    private const string ExternalPrefix = "DocumentRef-";

    /// <summary>The described element ids, in order: documentDescribes, then DESCRIBES / DESCRIBED_BY relationships.</summary>
    public static List<string> DescribedIds(Spdx2Document document)
    {
        var ids = document.Describes.Select(d => d.Id.Trim()).ToList();
        foreach (var r in document.Relationships)
        {
            var type = r.Type?.Trim().ToUpperInvariant();
            if (type == "DESCRIBES" && r.From?.Trim() == Spdx2Header.DocumentId && r.To is { } to)
            {
                ids.Add(to.Trim());
            }
            else if (type == "DESCRIBED_BY" && r.To?.Trim() == Spdx2Header.DocumentId && r.From is { } from)
            {
                ids.Add(from.Trim());
            }
        }

        return ids.Where(id => !Spdx2Values.IsPlaceholder(id) && !id.StartsWith(ExternalPrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    public static void MapAll(Spdx2Context context)
    {
        foreach (var relationship in context.Document.Relationships)
        {
            Map(context, relationship);
        }
    }

    private static void Map(Spdx2Context context, Spdx2Relationship relationship)
    {
        var from = relationship.From?.Trim();
        var to = relationship.To?.Trim();
        var type = relationship.Type?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to) || string.IsNullOrEmpty(type))
        {
            throw new DocumentRejectedException(relationship.Location, "a relationship needs an element id, a relationship type and a related element");
        }

        if (Spdx2Values.IsPlaceholder(from) || Spdx2Values.IsPlaceholder(to))
        {
            return;
        }

        if (Dangles(context, from, relationship.Location) || Dangles(context, to, relationship.Location))
        {
            context.SkippedRelationships++;
            return;
        }

        var fromExternal = IsExternal(from);
        var toExternal = IsExternal(to);
        var rule = Spdx2RelationshipTypes.Lookup(type, out var known);
        if (!known)
        {
            context.Builder.Warn(relationship.Location, $"unknown relationship type '{type}'; kept as property spdx:rel:{type}");
        }

        if (fromExternal || toExternal)
        {
            context.ExternalRelationships++;
            var (local, other) = fromExternal ? (to, from) : (from, to);
            if (!(fromExternal && toExternal))
            {
                AddProperty(context, local, "spdx:externalRef", type + " " + other);
            }

            return;
        }

        if (rule.Action is Spdx2EdgeAction.Describes or Spdx2EdgeAction.DescribedBy
            && (from == Spdx2Header.DocumentId || to == Spdx2Header.DocumentId))
        {
            return; // collected by DescribedIds
        }

        if (from == Spdx2Header.DocumentId || to == Spdx2Header.DocumentId || rule.Action is Spdx2EdgeAction.Property or Spdx2EdgeAction.Describes or Spdx2EdgeAction.DescribedBy)
        {
            AddProperty(context, from, "spdx:rel:" + type, KeyOf(context, to));
            return;
        }

        if (!context.Nodes.TryGetValue(from, out var fromNode) || !context.Nodes.TryGetValue(to, out var toNode))
        {
            // An end that made no node (a file without checksum, a snippet): nothing to draw.
            context.SkippedRelationships++;
            return;
        }

        var (source, target) = rule.Reverse ? (toNode, fromNode) : (fromNode, toNode);
        var properties = new List<KeyValuePair<string, string>>();
        if (rule.Scope is { } scope)
        {
            properties.Add(new("scope", scope));
        }

        if (rule.Link is { } link)
        {
            properties.Add(new("link", link));
        }

        var kind = rule.Action switch
        {
            Spdx2EdgeAction.Contains => EdgeKind.Contains,
            Spdx2EdgeAction.DependsOn => EdgeKind.DependsOn,
            _ => EdgeKind.BuiltFrom,
        };
        context.AddEdge(kind, source, target, properties);
    }

    /// <summary>True for an element of another document (<c>DocumentRef-x:SPDXRef-y</c>).</summary>
    private static bool IsExternal(string id) =>
        id.StartsWith(ExternalPrefix, StringComparison.Ordinal) && id.Contains(':', StringComparison.Ordinal);

    /// <summary>
    /// An id that names nothing in this document nor another one. Real producers trim files out of a
    /// document but keep the relationships to them (GUAC's alpine fixture; syft with file cataloguing off),
    /// so such a relationship is skipped with a warning rather than rejecting everything else the document says.
    /// </summary>
    private static bool Dangles(Spdx2Context context, string id, string location)
    {
        if (IsExternal(id) || context.KnownIds.Contains(id))
        {
            return false;
        }

        context.Builder.Warn(location, $"relationship names '{id}', which is no element of this document; skipped");
        return true;
    }

    private static void AddProperty(Spdx2Context context, string owner, string key, string value)
    {
        if (owner == Spdx2Header.DocumentId)
        {
            Spdx2Context.Append(context.DocumentProperties, key, value);
        }
        else if (context.Nodes.TryGetValue(owner, out var node))
        {
            context.AddProperty(node, key, value);
        }
        else
        {
            context.SkippedRelationships++;
        }
    }

    private static string KeyOf(Spdx2Context context, string id) =>
        context.Nodes.TryGetValue(id, out var node) ? node.Key : id;
}
