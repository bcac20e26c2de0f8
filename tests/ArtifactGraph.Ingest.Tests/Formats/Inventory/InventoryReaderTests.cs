using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.Inventory;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Inventory;

public sealed class InventoryReaderTests
{
    private static DocumentInput Fixture(string name, Dictionary<string, string>? hints = null) =>
        CdxTestInput.FromFile(DeploymentFixtureTests.FixturePath("Inventory", "valid", name)) with { Hints = hints ?? [] };

    [Fact]
    public void Read_ClusterHint_WinsOverTheDocument()
    {
        var batch = new InventoryJsonReader().Read(Fixture("production.json", new() { ["cluster"] = "eu-west-2" }));

        Assert.Equal("production/eu-west-2", batch.Document.Subject!.Value.Key);
        Assert.Contains(batch.Nodes, n => n.Key == "production/eu-west-2/shop/deployment/api");
    }

    [Fact]
    public void Read_Workload_CarriesDeployProperties()
    {
        var batch = new InventoryJsonReader().Read(Fixture("production.json"));

        var api = batch.Nodes.Single(n => n.Key == "production/eu-west-1/shop/deployment/api");
        Assert.Equal("shop/api", api.Name);
        Assert.Equal(
            ["deploy:cluster=eu-west-1", "deploy:environment=production", "deploy:kind=deployment", "deploy:namespace=shop", "deploy:workload=api", "live:exposure=internet", "live:owner=team-shop", "live:replicas=6"],
            api.Properties.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));
        Assert.Empty(batch.Warnings);
    }

    [Fact]
    public void Read_ClusterSubject_HasNoEdgesOfItsOwn()
    {
        var batch = new InventoryJsonReader().Read(Fixture("production.json"));

        var subject = batch.Document.Subject!.Value;
        Assert.Equal(NodeKind.Deployment, subject.Kind);
        Assert.Equal("cluster", batch.Nodes.Single(n => n.Ref == subject).Properties["deploy:kind"]);
        Assert.DoesNotContain(batch.Edges, e => e.From == subject);
        Assert.Single(batch.Edges, e => e.To == subject && e.Kind == EdgeKind.Describes);
    }

    [Fact]
    public void CanRead_Yaml_OnlyWithInventoryVersionLine()
    {
        Assert.True(new InventoryYamlReader().CanRead(Fixture("staging.yaml")));
        Assert.False(new InventoryYamlReader().CanRead(CdxTestInput.FromBytes("x.yaml", "name: x\nworkloads: []\n"u8.ToArray())));
        Assert.False(new InventoryYamlReader().CanRead(Fixture("production.json")));
    }

    [Fact]
    public void Schema_VersionAndExposure_AgreeWithTheReader()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSupport.Corpus.RepositoryRoot, "graph-schema", "inventory.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        var workload = schema.RootElement.GetProperty("$defs").GetProperty("workload").GetProperty("properties");

        Assert.Equal(InventoryParser.Version, properties.GetProperty("inventory").GetProperty("const").GetString());
        Assert.Equal(["internet", "internal"], workload.GetProperty("exposure").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
