using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// What VEX mapping needs from the BOM: the issuer, the BOM's timestamp, and resolution of
/// <c>affects[].ref</c>: a local bom-ref → its component's node; a bom-link (<c>urn:cdx:serial/version#ref</c>)
/// whose serial is this BOM's (or that this BOM does not state) and whose fragment is a local bom-ref → that
/// node; a purl (or a bom-link whose fragment is one) → the purl's node as SBOMs key it; anything else (a
/// bom-ref of another BOM) → a Package node keyed by the reference as written, with a warning: the statement
/// is kept and becomes matchable once something with that identity exists.
/// </summary>
internal sealed class CdxVexContext(IngestBatchBuilder builder, CdxComponentTable targets, string? serialNumber)
{
    public required string Issuer { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public NodeRef? Resolve(string reference, string location)
    {
        var text = reference.Trim();
        if (targets.TryGetValue(text, out var local))
        {
            return local.Node;
        }

        if (text.StartsWith("urn:cdx:", StringComparison.Ordinal) || text.StartsWith("urn:uuid:", StringComparison.Ordinal))
        {
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(text[(hash + 1)..]);
            var serial = hash < 0 ? text : text[..hash];
            var slash = serial.LastIndexOf('/');
            serial = slash > 0 ? serial[..slash] : serial;
            var sameBom = serialNumber is null || string.Equals(serial.Replace("urn:cdx:", "urn:uuid:", StringComparison.Ordinal), serialNumber, StringComparison.OrdinalIgnoreCase);
            if (sameBom && targets.TryGetValue(fragment, out var linked))
            {
                return linked.Node;
            }

            if (fragment.StartsWith("pkg:", StringComparison.Ordinal))
            {
                return ProductNodes.FromPurl(builder, fragment, location);
            }
        }
        else if (text.StartsWith("pkg:", StringComparison.Ordinal))
        {
            return ProductNodes.FromPurl(builder, text, location);
        }

        builder.Warn(location, $"'{text}' names no component of this BOM; the statement is kept on a node keyed by the reference as written");
        return builder.AddNode(new NodeRef(NodeKind.Package, text), text, [new("cdx:vex:unresolvedRef", "true")]);
    }
}
