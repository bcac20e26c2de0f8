using System.Text.Json;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.Csaf;

/// <summary>
/// One vulnerability's <c>product_status</c> → a VEX claim per (status, product), with the justification
/// from <c>flags[]</c>, the impact statement from <c>threats[]</c> (category impact) for not-affected
/// products and the action statement from <c>remediations[]</c>; and per affected component package one
/// affected claim (the versions of its affected products, vers ranges from product_version_range branches,
/// and the versions of its fixed products); a package with fixed products only gets a claim of ranges
/// [0, fixed) — what preceded the fix was affected.
/// </summary>
internal sealed class CsafStatusMapper(CsafProductTree tree, CsafProductNodes products, IngestBatchBuilder builder, string issuer, DateTimeOffset? timestamp)
{
    private static readonly (string Name, VexStatus Status)[] StatusLists =
    [
        ("known_affected", VexStatus.Affected),
        ("first_affected", VexStatus.Affected),
        ("last_affected", VexStatus.Affected),
        ("fixed", VexStatus.Fixed),
        ("first_fixed", VexStatus.Fixed),
        ("known_not_affected", VexStatus.NotAffected),
        ("under_investigation", VexStatus.UnderInvestigation),
    ];

    public void Map(JsonElement vulnerability, string pointer, NodeRef node)
    {
        var status = JsonFields.Object(vulnerability, "product_status", pointer);
        if (status is not { } lists)
        {
            return;
        }

        var justifications = ByProduct(vulnerability, "flags", pointer, (e, p) => JsonFields.String(e, "label", p));
        var impacts = ByProduct(vulnerability, "threats", pointer, (e, p) => JsonFields.String(e, "category", p) == "impact" ? JsonFields.String(e, "details", p) : null);
        var actions = ByProduct(vulnerability, "remediations", pointer, (e, p) => JsonFields.String(e, "category", p) is { } c ? $"{c}: {JsonFields.String(e, "details", p)}".TrimEnd(' ', ':') : null);
        var affected = new Dictionary<NodeRef, Accumulated>();
        var fixedVersions = new Dictionary<NodeRef, (List<string> Versions, string Location)>();

        foreach (var (list, vexStatus) in StatusLists)
        {
            foreach (var (productId, itemPointer) in JsonFields.StringArray(lists, list, pointer + "/product_status"))
            {
                if (products.Resolve(productId, itemPointer) is not { } target)
                {
                    continue;
                }

                var justification = justifications.GetValueOrDefault(productId);
                var mapped = justification is null ? null : VexJustifications.FromCsafFlag(justification);
                if (justification is not null && mapped is null)
                {
                    builder.Warn(itemPointer, $"flag label '{justification}' has no OpenVEX justification; kept as written");
                }

                builder.AddClaim(ClaimJson.Vex(node.Key, target.Product, new VexClaim
                {
                    Status = vexStatus,
                    Subcomponents = target.Subcomponent is { } sub ? [sub] : [],
                    Justification = mapped ?? justification,
                    ImpactStatement = vexStatus == VexStatus.NotAffected ? impacts.GetValueOrDefault(productId) : null,
                    ActionStatement = vexStatus is VexStatus.Affected or VexStatus.Fixed ? actions.GetValueOrDefault(productId) : null,
                    Issuer = issuer,
                    Timestamp = timestamp,
                    StatementId = itemPointer,
                }));

                if (ProductNodes.PackageOf(target.Component) is not { } package)
                {
                    continue;
                }

                if (vexStatus == VexStatus.Affected)
                {
                    var acc = affected.TryGetValue(package, out var existing) ? existing : affected[package] = new Accumulated(ProductNodes.EcosystemOf(package), itemPointer);
                    acc.Add(ProductNodes.VersionOf(target.Component) ?? target.Definition.Version, target.Definition.VersionRange);
                }
                else if (vexStatus == VexStatus.Fixed && (ProductNodes.VersionOf(target.Component) ?? target.Definition.Version) is { } fixedVersion)
                {
                    (fixedVersions.TryGetValue(package, out var versions) ? versions : fixedVersions[package] = ([], itemPointer)).Versions.Add(fixedVersion);
                }
            }
        }

        foreach (var (package, acc) in affected)
        {
            builder.AddClaim(ClaimJson.Affected(node.Key, package, new AffectedClaim
            {
                Ecosystem = acc.Ecosystem,
                Versions = acc.Versions.Distinct(StringComparer.Ordinal).ToList(),
                VersRanges = acc.Ranges.Distinct(StringComparer.Ordinal).ToList(),
                AllVersions = acc.Versions.Count == 0 && acc.Ranges.Count == 0 && !acc.HasOtherRange,
                Fixed = fixedVersions.TryGetValue(package, out var fixedList) ? fixedList.Versions.Distinct(StringComparer.Ordinal).ToList() : [],
                Location = acc.Location,
            }));
        }

        // A package named only as fixed (Red Hat advisories list just the fixed builds): what came before a fix was
        // affected, so each fixed version closes a range opened at "0" — as Red Hat's own CSAF → OSV conversion reads it.
        foreach (var (package, (versions, location)) in fixedVersions.Where(f => !affected.ContainsKey(f.Key)))
        {
            var distinct = versions.Distinct(StringComparer.Ordinal).ToList();
            builder.AddClaim(ClaimJson.Affected(node.Key, package, new AffectedClaim
            {
                Ecosystem = ProductNodes.EcosystemOf(package),
                Ranges = distinct.Select(v => new OsvRange("ECOSYSTEM", [new OsvEvent("introduced", "0"), new OsvEvent("fixed", v)])).ToList(),
                Fixed = distinct,
                Location = location,
            }));
        }
    }

    /// <summary>product id → the first value an entry of <paramref name="section"/> gives it (by product_ids or group_ids).</summary>
    private Dictionary<string, string> ByProduct(JsonElement vulnerability, string section, string pointer, Func<JsonElement, string, string?> value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, entryPointer) in JsonFields.ObjectArray(vulnerability, section, pointer))
        {
            if (value(entry, entryPointer) is not { Length: > 0 } text)
            {
                continue;
            }

            var ids = JsonFields.StringArray(entry, "product_ids", entryPointer).Select(p => p.Item)
                .Concat(JsonFields.StringArray(entry, "group_ids", entryPointer).SelectMany(g => tree.Groups.GetValueOrDefault(g.Item) ?? []));
            foreach (var id in ids)
            {
                result.TryAdd(id, text.Trim());
            }
        }

        return result;
    }

    private sealed class Accumulated(string ecosystem, string location)
    {
        public string Ecosystem { get; } = ecosystem;

        public string Location { get; } = location;

        public List<string> Versions { get; } = [];

        public List<string> Ranges { get; } = [];

        /// <summary>A version range that is not a vers string (<c>&lt;=1.14.0</c>): kept on the node as <c>csaf:product_version_range</c>, not claimed.</summary>
        public bool HasOtherRange { get; private set; }

        public void Add(string? version, string? range)
        {
            if (range is { } r && r.StartsWith("vers:", StringComparison.Ordinal))
            {
                Ranges.Add(r);
            }
            else if (range is not null)
            {
                HasOtherRange = true;
            }
            else if (version is not null)
            {
                Versions.Add(version);
            }
        }
    }
}
