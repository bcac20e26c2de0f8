using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Advisories;

/// <summary>An advisory's affected claim with the document that made it.</summary>
public sealed record AffectedEntry(long DocumentId, string Vulnerability, NodeRef Package, AffectedClaim Claim);

/// <summary>A VEX statement with the document that made it.</summary>
public sealed record VexEntry(long DocumentId, string Vulnerability, NodeRef Product, VexClaim Claim);

/// <summary>
/// The current claims of one snapshot, indexed for the matcher: by vulnerability id and by package.
/// Built from <see cref="IGraphStore.LoadClaims"/>; cheap enough per query for the CLI, cached per
/// snapshot by the server.
/// </summary>
public sealed class AdvisoryCatalog
{
    private readonly Dictionary<string, List<AffectedEntry>> _affectedByVulnerability = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AffectedEntry>> _affectedByPackage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VexEntry>> _vexByVulnerability = new(StringComparer.Ordinal);

    private AdvisoryCatalog(AliasSets aliases) => Aliases = aliases;

    public AliasSets Aliases { get; }

    public int AffectedCount { get; private set; }

    public int VexCount { get; private set; }

    public static AdvisoryCatalog Load(IGraphStore store, GraphIndex index, DateTimeOffset? asOf = null) =>
        Create(store.LoadClaims(asOf), index);

    public static AdvisoryCatalog Create(IReadOnlyList<StoredClaim> claims, GraphIndex index)
    {
        var catalog = new AdvisoryCatalog(AliasSets.Build(index));
        foreach (var (documentId, claim) in claims)
        {
            switch (claim.Kind)
            {
                case ClaimKind.Affected:
                    var affected = new AffectedEntry(documentId, claim.Vulnerability, claim.Subject, ClaimJson.ReadAffected(claim.Payload));
                    Add(catalog._affectedByVulnerability, claim.Vulnerability, affected);
                    Add(catalog._affectedByPackage, claim.Subject.Key, affected);
                    catalog.AffectedCount++;
                    break;
                case ClaimKind.Vex:
                    Add(catalog._vexByVulnerability, claim.Vulnerability, new VexEntry(documentId, claim.Vulnerability, claim.Subject, ClaimJson.ReadVex(claim.Payload)));
                    catalog.VexCount++;
                    break;
            }
        }

        return catalog;
    }

    /// <summary>Affected claims of any of the ids.</summary>
    public IReadOnlyList<AffectedEntry> AffectedFor(IEnumerable<string> vulnerabilityIds) =>
        vulnerabilityIds.SelectMany(id => _affectedByVulnerability.GetValueOrDefault(id) ?? []).ToList();

    /// <summary>Affected claims naming the package (versionless purl key), any vulnerability.</summary>
    public IReadOnlyList<AffectedEntry> AffectedForPackage(string packageKey) =>
        _affectedByPackage.GetValueOrDefault(packageKey) ?? [];

    public IReadOnlyList<VexEntry> VexFor(IEnumerable<string> vulnerabilityIds) =>
        vulnerabilityIds.SelectMany(id => _vexByVulnerability.GetValueOrDefault(id) ?? []).ToList();

    /// <summary>Every vulnerability id with an affected claim.</summary>
    public IEnumerable<string> Vulnerabilities => _affectedByVulnerability.Keys;

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
