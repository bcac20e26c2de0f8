using System.Text.Json;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Osv;

/// <summary>
/// One <c>affected[]</c> entry → the Package node (keyed as SBOMs key it) and the affected claim carrying
/// exactly what the record says: ranges with their events, listed versions, fixed versions.
/// </summary>
internal static class OsvAffectedMapper
{
    private static readonly string[] EventKinds = ["introduced", "fixed", "last_affected", "limit"];

    /// <summary>The claim for the entry; null when the entry names no package (GIT-only ranges), with a warning.</summary>
    public static ClaimRecord? Read(JsonElement entry, string pointer, string vulnerability, bool isMalicious, IngestBatchBuilder builder)
    {
        var package = JsonFields.Object(entry, "package", pointer);
        var ranges = Ranges(entry, pointer, builder);
        var versions = JsonFields.StringArray(entry, "versions", pointer).Select(v => v.Item).ToList();
        if (package is not { } pkg)
        {
            var repos = ranges.Where(r => r.Type == "GIT").Count();
            builder.Warn(pointer, $"affected entry names no package ({repos} GIT range(s)): no package claim");
            return null;
        }

        var packagePointer = pointer + "/package";
        var ecosystem = JsonFields.RequiredString(pkg, "ecosystem", packagePointer, "the package's ecosystem");
        var name = JsonFields.RequiredString(pkg, "name", packagePointer, "the package's name");
        var purl = JsonFields.String(pkg, "purl", packagePointer);

        var identity = string.IsNullOrWhiteSpace(purl) ? OsvEcosystems.PackageOf(ecosystem, name) : PackageIdentity.FromPurl(purl);
        List<KeyValuePair<string, string>> properties = [new("osv:ecosystem", ecosystem)];
        if (identity.Error is { } error)
        {
            properties.Add(new("purl:invalid", error));
            builder.Warn(packagePointer, $"package '{ecosystem}/{name}' makes no valid purl ({error}); keyed '{identity.PackageKey}'");
        }

        var node = builder.AddNode(new NodeRef(NodeKind.Package, identity.PackageKey), name.Trim(), properties);
        var fixedVersions = ranges.SelectMany(r => r.Events).Where(e => e.Kind == "fixed").Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();
        var allVersions = (ranges.Count == 0 && versions.Count == 0) || (isMalicious && ranges.Count > 0 && ranges.All(IntroducedAtZeroWithoutEnd));
        return ClaimJson.Affected(vulnerability, node, new AffectedClaim
        {
            Ecosystem = ecosystem,
            Ranges = ranges,
            Versions = versions,
            Fixed = fixedVersions,
            AllVersions = allVersions,
            Location = pointer,
        });
    }

    private static bool IntroducedAtZeroWithoutEnd(OsvRange range) =>
        range.Events.Any(e => e is { Kind: "introduced", Value: "0" }) && range.Events.All(e => e.Kind == "introduced");

    private static List<OsvRange> Ranges(JsonElement entry, string pointer, IngestBatchBuilder builder)
    {
        var ranges = new List<OsvRange>();
        foreach (var (range, rangePointer) in JsonFields.ObjectArray(entry, "ranges", pointer))
        {
            var type = JsonFields.RequiredString(range, "type", rangePointer, "a range's type");
            if (type is not ("SEMVER" or "ECOSYSTEM" or "GIT"))
            {
                builder.Warn(rangePointer + "/type", $"range type '{type}' is not SEMVER, ECOSYSTEM or GIT; kept as written");
            }

            var events = new List<OsvEvent>();
            foreach (var (evt, eventPointer) in JsonFields.ObjectArray(range, "events", rangePointer))
            {
                var kind = EventKinds.FirstOrDefault(k => evt.TryGetProperty(k, out _))
                    ?? throw new DocumentRejectedException(eventPointer, "an event is one of introduced, fixed, last_affected or limit");
                var value = JsonFields.String(evt, kind, eventPointer);
                if (string.IsNullOrWhiteSpace(value))
                {
                    // GHSA's flatmap-stream record writes "fixed": "" for "no fix": the event says nothing.
                    builder.Warn(JsonPointers.Child(eventPointer, kind), $"empty '{kind}' event ignored");
                    continue;
                }

                events.Add(new OsvEvent(kind, value.Trim()));
            }

            if (!events.Any(e => e.Kind == "introduced"))
            {
                throw new DocumentRejectedException(rangePointer + "/events", "a range needs an 'introduced' event (OSV: every range starts with one)");
            }

            ranges.Add(new OsvRange(type, events));
        }

        return ranges;
    }
}
