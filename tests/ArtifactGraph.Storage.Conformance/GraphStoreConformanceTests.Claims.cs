using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using static ArtifactGraph.Storage.Conformance.TestDocument;

namespace ArtifactGraph.Storage.Conformance;

/// <summary>Claims, node properties with live keys, and document properties: part of the conformance suite.</summary>
public abstract partial class GraphStoreConformanceTests
{
    private static readonly DateTimeOffset ClaimDay = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static TestDocument Advisory(string content, string id, DateTimeOffset createdAt, params string[] versions)
    {
        var vulnerability = new NodeRef(NodeKind.Vulnerability, id);
        return Create(
            content,
            b =>
            {
                b.AddNode(vulnerability, id);
                var package = b.AddNode(Package("lodash"), "lodash");
                b.AddClaim(ClaimJson.Affected(id, package, new AffectedClaim { Ecosystem = "npm", Versions = versions }));
            },
            subject: vulnerability,
            createdAt: createdAt);
    }

    [Fact]
    public void LoadClaims_CommittedAdvisory_ReturnsClaimWithItsDocument()
    {
        var store = NewStore();
        var advisory = Advisory("adv", "GHSA-TEST-0001", ClaimDay, "4.17.20");

        var result = store.Commit(advisory.Batch, advisory.Raw);

        var stored = Assert.Single(store.LoadClaims());
        Assert.Equal(result.DocumentId, stored.DocumentId);
        Assert.Equal(ClaimKind.Affected, stored.Claim.Kind);
        Assert.Equal("GHSA-TEST-0001", stored.Claim.Vulnerability);
        Assert.Equal(Package("lodash"), stored.Claim.Subject);
        Assert.Equal(["4.17.20"], ClaimJson.ReadAffected(stored.Claim.Payload).Versions);
    }

    [Fact]
    public void LoadClaims_SupersededAdvisory_OnlyNewerCountsNowButOlderAsOfBefore()
    {
        var store = NewStore();
        var old = Advisory("adv-1", "GHSA-TEST-0002", ClaimDay, "1.0.0");
        var newer = Advisory("adv-2", "GHSA-TEST-0002", ClaimDay.AddDays(2), "2.0.0");
        store.Commit(old.Batch, old.Raw);
        store.Commit(newer.Batch, newer.Raw);

        Assert.Equal(["2.0.0"], ClaimJson.ReadAffected(Assert.Single(store.LoadClaims()).Claim.Payload).Versions);
        Assert.Equal(["1.0.0"], ClaimJson.ReadAffected(Assert.Single(store.LoadClaims(ClaimDay.AddDays(1))).Claim.Payload).Versions);
    }

    [Fact]
    public void LoadClaims_RolledBackDocument_LeavesNoClaim()
    {
        var store = NewStore();
        var advisory = Advisory("adv-rollback", "GHSA-TEST-0003", ClaimDay, "1.0.0");

        using (var writer = store.BeginDocument(advisory.Sha256, advisory.Raw))
        {
            writer.Write(advisory.Batch.Nodes, advisory.Batch.Edges);
        }

        Assert.Empty(store.LoadClaims());
    }

    [Fact]
    public void GetNodeProperties_LiveKeys_LatestDocumentWinsOthersFirstWins()
    {
        var store = NewStore();
        var deployment = new NodeRef(NodeKind.Deployment, "production/eu-1/shop/api");
        TestDocument Inventory(string content, string replicas, string owner) => Create(
            content,
            b => b.AddNode(deployment, "api", [new("live:replicas", replicas), new("k8s:owner", owner)]));
        var first = Inventory("inv-1", "3", "team-a");
        var second = Inventory("inv-2", "5", "team-b");
        store.Commit(first.Batch, first.Raw);
        store.Commit(second.Batch, second.Raw);

        var properties = store.GetNodeProperties([deployment, new NodeRef(NodeKind.Deployment, "absent")]);

        var only = Assert.Single(properties);
        Assert.Equal("5", only.Value["live:replicas"]);
        Assert.Equal("team-a", only.Value["k8s:owner"]);
    }

    [Fact]
    public void ListDocuments_ReaderProperties_AreReturned()
    {
        var store = NewStore();
        var document = Sbom("props", "app");
        store.Commit(document.Batch, document.Raw);

        var summary = Assert.Single(store.ListDocuments());

        Assert.Equal("conformance", summary.Properties["test:origin"]);
    }
}
