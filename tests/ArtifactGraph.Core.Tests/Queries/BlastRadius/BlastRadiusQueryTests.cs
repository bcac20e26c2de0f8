using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Tests.Queries.BlastRadius;

public sealed class BlastRadiusQueryTests
{
    private const string Bad = "pkg:npm/lodash@4.17.20";
    private const string Good = "pkg:npm/lodash@4.17.21";
    private const string App = "pkg:npm/app@1.0.0";
    private const string Other = "pkg:npm/other@2.0.0";
    private const string AppImage = "sha256:a1";
    private const string OtherImage = "sha256:b2";
    private const string SafeImage = "sha256:c3";
    private const string Prod = "production/eu/shop/deployment/api";
    private const string Staging = "staging/eu/shop/deployment/api";
    private const string ProdOther = "production/eu/shop/deployment/other";

    private static readonly Dictionary<NodeRef, IReadOnlyDictionary<string, string>> Properties = new()
    {
        [new(NodeKind.Deployment, Prod)] = Deployment("production", "internal", "2"),
        [new(NodeKind.Deployment, Staging)] = Deployment("staging", "internet", "9"),
        [new(NodeKind.Deployment, ProdOther)] = Deployment("production", "internet", "1"),
        [new(NodeKind.Vulnerability, "CVE-2099-0001")] = new Dictionary<string, string> { ["severity:score"] = "9.8" },
    };

    private static Dictionary<string, string> Deployment(string environment, string exposure, string replicas) => new()
    {
        ["deploy:environment"] = environment,
        ["deploy:cluster"] = "eu",
        ["live:exposure"] = exposure,
        ["live:replicas"] = replicas,
    };

    /// <summary>app and other use lodash 4.17.20; a third image carries the fixed 4.17.21.</summary>
    private static GraphIndex Graph() => new TestGraph()
        .Version(Bad, "pkg:npm/lodash")
        .Version(Good, "pkg:npm/lodash")
        .Version(App, "pkg:npm/app")
        .Version(Other, "pkg:npm/other")
        .Node(NodeKind.Image, AppImage, "shop/api:1")
        .Node(NodeKind.Image, OtherImage, "shop/other:1")
        .Node(NodeKind.Image, SafeImage, "shop/safe:1")
        .Node(NodeKind.Deployment, Prod, "shop/api")
        .Node(NodeKind.Deployment, Staging, "shop/api")
        .Node(NodeKind.Deployment, ProdOther, "shop/other")
        .Node(NodeKind.Vulnerability, "GHSA-AAAA-BBBB-CCCC")
        .Node(NodeKind.Vulnerability, "CVE-2099-0001")
        .Edge(NodeKind.Vulnerability, "GHSA-AAAA-BBBB-CCCC", EdgeKind.AliasOf, NodeKind.Vulnerability, "CVE-2099-0001")
        .Edge(NodeKind.PackageVersion, App, EdgeKind.DependsOn, NodeKind.PackageVersion, Bad)
        .Edge(NodeKind.PackageVersion, Other, EdgeKind.DependsOn, NodeKind.PackageVersion, Bad)
        .Edge(NodeKind.Image, AppImage, EdgeKind.Contains, NodeKind.PackageVersion, App)
        .Edge(NodeKind.Image, OtherImage, EdgeKind.Contains, NodeKind.PackageVersion, Other)
        .Edge(NodeKind.Image, SafeImage, EdgeKind.Contains, NodeKind.PackageVersion, Good)
        .Edge(NodeKind.Deployment, Prod, EdgeKind.Runs, NodeKind.Image, AppImage)
        .Edge(NodeKind.Deployment, Staging, EdgeKind.Runs, NodeKind.Image, AppImage)
        .Edge(NodeKind.Deployment, ProdOther, EdgeKind.Runs, NodeKind.Image, OtherImage)
        .Build();

    private static StoredClaim Advisory(long document = 1) => new(document, ClaimJson.Affected(
        "GHSA-AAAA-BBBB-CCCC",
        new NodeRef(NodeKind.Package, "pkg:npm/lodash"),
        new AffectedClaim { Ecosystem = "npm", Versions = ["4.17.20"], Fixed = ["4.17.21"] }));

    private static StoredClaim Vex(string product, VexStatus status, DateTimeOffset at, long document = 2, string issuer = "shop-team", params string[] subcomponents) =>
        new(document, ClaimJson.Vex("CVE-2099-0001", new NodeRef(NodeKind.PackageVersion, product), new VexClaim
        {
            Status = status,
            Issuer = issuer,
            Timestamp = at,
            Justification = "vulnerable_code_not_in_execute_path",
            Subcomponents = subcomponents,
        }));

    private static BlastRadiusResult Run(BlastRadiusRequest request, params StoredClaim[] claims)
    {
        var index = Graph();
        return BlastRadiusQuery.Run(index, AdvisoryCatalog.Create(claims, index), nodes => Properties.Where(p => nodes.Contains(p.Key)).ToDictionary(), request);
    }

    private static List<string> Keys(BlastRadiusResult result, NodeKind kind)
    {
        var index = Graph();
        return Enumerable.Range(0, result.Closure.Count).Select(result.Closure.NodeAt).Where(n => index.KindOf(n) == kind).Select(index.KeyOf).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Run_ByGhsa_AffectedVersionOnlyAndItsImagesAndDeployments()
    {
        var result = Run(new BlastRadiusRequest { Vulnerability = "GHSA-aaaa-bbbb-cccc" }, Advisory());

        Assert.Equal([Bad], result.AffectedPackages.Select(a => Graph().KeyOf(a.Node)));
        Assert.Equal([AppImage, OtherImage], Keys(result, NodeKind.Image));
        Assert.Equal([Prod, ProdOther, Staging], Keys(result, NodeKind.Deployment));
        Assert.Equal("4.17.21", result.AffectedPackages[0].Matches[0].FixedVersion);
    }

    [Fact]
    public void Run_ByCveAlias_SameAnswerAsByGhsa()
    {
        var byGhsa = Run(new BlastRadiusRequest { Vulnerability = "GHSA-AAAA-BBBB-CCCC" }, Advisory());
        var byCve = Run(new BlastRadiusRequest { Vulnerability = "cve-2099-0001" }, Advisory());

        Assert.Equal(Keys(byGhsa, NodeKind.Image), Keys(byCve, NodeKind.Image));
        Assert.Equal(["CVE-2099-0001", "GHSA-AAAA-BBBB-CCCC"], byCve.Aliases);
        Assert.Equal("9.8", byCve.VulnerabilityProperties["severity:score"]);
    }

    [Fact]
    public void Run_DeploymentsRanked_ProductionFirstThenInternetThenReplicas()
    {
        var result = Run(new BlastRadiusRequest { Vulnerability = "CVE-2099-0001" }, Advisory());

        Assert.Equal([ProdOther, Prod, Staging], result.Deployments.Select(d => Graph().KeyOf(d.Node)));
        Assert.All(result.Deployments, d => Assert.Equal("4.17.21", d.FixedVersion));
        Assert.Equal("shop/api:1", Graph().NameOf(result.Deployments[1].Image!.Value));
    }

    [Fact]
    public void Run_VexNotAffectedOnProduct_PrunesProductAndWhatOnlyItReaches()
    {
        var result = Run(new BlastRadiusRequest { Vulnerability = "CVE-2099-0001" }, Advisory(), Vex(App, VexStatus.NotAffected, DateTimeOffset.UnixEpoch));

        Assert.Equal([OtherImage], Keys(result, NodeKind.Image));
        Assert.Equal([ProdOther], Keys(result, NodeKind.Deployment));
        var suppressed = result.Suppressed.ToDictionary(s => Graph().KeyOf(s.Node));
        Assert.True(suppressed[App].Direct);
        Assert.False(suppressed[AppImage].Direct);
        Assert.Contains(Prod, suppressed.Keys);
        Assert.Equal("vulnerable_code_not_in_execute_path", suppressed[AppImage].Decision.Statement.Claim.Justification);
    }

    [Fact]
    public void Run_IgnoreVex_RawExposureWithStatementsListed()
    {
        var result = Run(new BlastRadiusRequest { Vulnerability = "CVE-2099-0001", IgnoreVex = true }, Advisory(), Vex(App, VexStatus.NotAffected, DateTimeOffset.UnixEpoch));

        Assert.Equal([AppImage, OtherImage], Keys(result, NodeKind.Image));
        Assert.Empty(result.Suppressed);
        Assert.Single(result.Annotations);
        Assert.True(result.VexIgnored);
    }

    [Fact]
    public void Run_LaterStatementBySameIssuer_Wins()
    {
        var result = Run(
            new BlastRadiusRequest { Vulnerability = "CVE-2099-0001" },
            Advisory(),
            Vex(App, VexStatus.NotAffected, DateTimeOffset.UnixEpoch),
            Vex(App, VexStatus.Affected, DateTimeOffset.UnixEpoch.AddDays(1), document: 3));

        Assert.Equal([AppImage, OtherImage], Keys(result, NodeKind.Image));
        Assert.Equal(VexStatus.Affected, Assert.Single(result.Annotations).Statement.Claim.Status);
    }

    [Fact]
    public void Run_VexOnAffectedPackageItself_SuppressesEverything()
    {
        var result = Run(new BlastRadiusRequest { Vulnerability = "CVE-2099-0001" }, Advisory(), Vex(Bad, VexStatus.Fixed, DateTimeOffset.UnixEpoch));

        Assert.Empty(result.AffectedPackages);
        Assert.Empty(Keys(result, NodeKind.Image));
        Assert.Contains(result.Suppressed, s => Graph().KeyOf(s.Node) == Bad && s.Direct);
    }

    [Fact]
    public void Run_SubcomponentNotAmongAffected_StatementDoesNotApply()
    {
        var result = Run(
            new BlastRadiusRequest { Vulnerability = "CVE-2099-0001" },
            Advisory(),
            Vex(App, VexStatus.NotAffected, DateTimeOffset.UnixEpoch, subcomponents: "pkg:npm/minimist@1.2.0"));

        Assert.Equal([AppImage, OtherImage], Keys(result, NodeKind.Image));
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Run_SubcomponentIsTheAffectedPackage_StatementApplies()
    {
        var result = Run(
            new BlastRadiusRequest { Vulnerability = "CVE-2099-0001" },
            Advisory(),
            Vex(App, VexStatus.NotAffected, DateTimeOffset.UnixEpoch, subcomponents: "pkg:npm/lodash@4.17.20"));

        Assert.Equal([OtherImage], Keys(result, NodeKind.Image));
    }

    [Fact]
    public void Run_UnknownVulnerability_EmptyAnswerNotError()
    {
        var result = Run(new BlastRadiusRequest { Vulnerability = "CVE-1999-0001" }, Advisory());

        Assert.Null(result.Error);
        Assert.Empty(result.AffectedPackages);
        Assert.Equal(0, result.Closure.Count);
    }

    [Fact]
    public void Run_ByVersionlessPurl_EveryVersionsDependents()
    {
        var result = Run(new BlastRadiusRequest { Purl = "pkg:npm/lodash" });

        Assert.Equal([AppImage, OtherImage, SafeImage], Keys(result, NodeKind.Image));
    }

    [Fact]
    public void Run_TwoTargets_IsAnError()
    {
        var result = Run(new BlastRadiusRequest { Purl = "pkg:npm/lodash", Vulnerability = "CVE-2099-0001" });

        Assert.NotNull(result.Error);
    }
}
