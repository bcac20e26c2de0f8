using ArtifactGraph.Bench.Generator;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Bench.Suites;

/// <summary>One synthetic advisory: its id, the package it is about, and the images a VEX statement clears.</summary>
internal sealed record SyntheticAdvisory(string Id, string PackageKey, int Package, IReadOnlyList<string> NotAffectedImages);

/// <summary>
/// Advisories as the OSV reader would store them: per advisory one affected claim on the Package node
/// (an ECOSYSTEM range, the ecosystem as the matcher derives it from the purl) covering every version below
/// the package's newest (<c>fixed</c> at the newest), or every version (<c>last_affected</c>) when the package
/// has only one. Every <see cref="VexEvery"/>th advisory also gets an OpenVEX-like <c>not_affected</c>
/// statement for up to <see cref="VexProducts"/> images that hold an affected version, so suppression runs.
/// </summary>
internal static class SyntheticAdvisories
{
    public const int VexEvery = 10;
    private const int VexProducts = 3;
    private static readonly DateTimeOffset Published = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static (List<SyntheticAdvisory> Advisories, List<StoredClaim> Claims) Create(Universe universe, GraphIndex index, IReadOnlyList<string> packageKeys)
    {
        var byKey = PackagesByKey(universe, packageKeys);
        var advisories = new List<SyntheticAdvisory>(packageKeys.Count);
        var claims = new List<StoredClaim>(packageKeys.Count + (packageKeys.Count / VexEvery * VexProducts));
        for (var q = 0; q < packageKeys.Count; q++)
        {
            var id = $"CVE-2099-{100_000 + q}";
            var package = byKey[packageKeys[q]];
            var document = q + 1L;
            claims.Add(new StoredClaim(document, ClaimJson.Affected(id, new NodeRef(NodeKind.Package, packageKeys[q]), Claim(universe, package))));
            var cleared = q % VexEvery == VexEvery - 1 ? ImagesHolding(index, packageKeys[q], NewestKey(universe, package)) : [];
            foreach (var image in cleared)
            {
                claims.Add(new StoredClaim(document, ClaimJson.Vex(id, new NodeRef(NodeKind.Image, image), new VexClaim
                {
                    Status = VexStatus.NotAffected,
                    Justification = "vulnerable_code_not_in_execute_path",
                    Issuer = "bench image vendor",
                    Timestamp = Published,
                    StatementId = $"{id}/{image}",
                })));
            }

            advisories.Add(new SyntheticAdvisory(id, packageKeys[q], package, cleared));
        }

        return (advisories, claims);
    }

    /// <summary>The versionless purl key of each package the queries name → its universe id.</summary>
    private static Dictionary<string, int> PackagesByKey(Universe universe, IReadOnlyList<string> packageKeys)
    {
        var wanted = packageKeys.ToHashSet(StringComparer.Ordinal);
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < universe.PackageCount && byKey.Count < wanted.Count; p++)
        {
            var key = PackageIdentity.FromPurl(universe.Purl(universe.FirstVersion[p])).PackageKey;
            if (wanted.Contains(key))
            {
                byKey[key] = p;
            }
        }

        return byKey;
    }

    private static AffectedClaim Claim(Universe universe, int package)
    {
        var purl = Purl.Parse(universe.Purl(universe.FirstVersion[package]));
        var qualifiers = purl.Qualifiers.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        var ecosystem = Core.Versions.VersionSchemes.EcosystemOfPurl(purl.Type, purl.Namespace, qualifiers)
            ?? throw new InvalidOperationException($"no OSV ecosystem for {purl}");
        var newest = universe.Version(universe.FirstVersion[package]);
        var single = universe.FirstVersion[package + 1] - universe.FirstVersion[package] == 1;
        var end = new OsvEvent(single ? "last_affected" : "fixed", newest);
        return new AffectedClaim
        {
            Ecosystem = ecosystem,
            Ranges = [new OsvRange("ECOSYSTEM", [new OsvEvent("introduced", "0"), end])],
            Fixed = single ? [] : [newest],
            Location = "/affected/0",
        };
    }

    /// <summary>The canonical key of the package's newest version (the one the claim leaves out).</summary>
    public static string NewestKey(Universe universe, int package) => PackageIdentity.FromPurl(universe.Purl(universe.FirstVersion[package])).VersionKey;

    /// <summary>Up to <see cref="VexProducts"/> images (keys) that list an affected version of the package, in index order.</summary>
    private static List<string> ImagesHolding(GraphIndex index, string packageKey, string newestKey)
    {
        var images = new SortedSet<int>();
        if (!index.TryFind(NodeKind.Package, packageKey, out var node))
        {
            return [];
        }

        var versions = index.Incoming(node);
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions.Target(i);
            if (versions.Kind(i) != EdgeKind.VersionOf || index.KeyOf(version) == newestKey)
            {
                continue;
            }

            var holders = index.Incoming(version);
            for (var j = 0; j < holders.Count; j++)
            {
                if (holders.Kind(j) == EdgeKind.Contains && index.KindOf(holders.Target(j)) == NodeKind.Image)
                {
                    images.Add(holders.Target(j));
                }
            }
        }

        return images.Take(VexProducts).Select(index.KeyOf).ToList();
    }
}
