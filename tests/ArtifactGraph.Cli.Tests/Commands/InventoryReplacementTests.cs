namespace ArtifactGraph.Cli.Tests.Commands;

/// <summary>
/// A newer inventory of a cluster replaces the previous one: a workload missing from it no longer runs its image
/// now, but still does --as-of a time before the newer inventory (ontology.md, "Deployments").
/// </summary>
public sealed class InventoryReplacementTests : IDisposable
{
    private const string X = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Y = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Inventory(string file, string? generatedAt, params string[] workloads) => _cli.WriteFile(file, $$"""
        { "inventory": "artifactgraph/v1", "environment": "production", "cluster": "eu-west-1"{{(generatedAt is null ? "" : $", \"generatedAt\": \"{generatedAt}\"")}},
          "workloads": [ {{string.Join(",", workloads)}} ] }
        """);

    private static string Workload(string name, string digest) =>
        $$"""{ "namespace": "shop", "name": "{{name}}", "image": "registry.example.com/shop/{{name}}:1.0", "digest": "{{digest}}" }""";

    private List<string> Deployments(params string[] args) => _cli.Json(["dependents", .. args]).GetProperty("results").EnumerateArray()
        .Where(r => r.GetProperty("kind").GetString() == "Deployment")
        .Select(r => r.GetProperty("id").GetString()!)
        .ToList();

    [Fact]
    public void Dependents_NewerInventoryWithoutWorkload_NoLongerRunsButHistoryRemains()
    {
        _cli.Run("ingest", Inventory("a.json", "2026-03-01T10:00:00Z", Workload("x", X), Workload("y", Y)));
        _cli.Run("ingest", Inventory("b.json", "2026-04-01T10:00:00Z", Workload("x", X)));

        Assert.Equal(["production/eu-west-1/shop/deployment/x"], Deployments(X));
        Assert.Empty(Deployments(Y));
        Assert.Equal(["production/eu-west-1/shop/deployment/y"], Deployments(Y, "--as-of", "2026-03-15"));
    }

    [Fact]
    public void Dependents_InventoriesWithoutTimes_OrderedByIngestion()
    {
        _cli.Run("ingest", Inventory("a.json", null, Workload("x", X), Workload("y", Y)));
        Assert.Equal(["production/eu-west-1/shop/deployment/y"], Deployments(Y));

        _cli.Run("ingest", Inventory("b.json", null, Workload("x", X)));

        Assert.Empty(Deployments(Y));
        Assert.Equal(["production/eu-west-1/shop/deployment/x"], Deployments(X));
    }

    [Fact]
    public void Dependents_InventoryOfAnotherCluster_DoesNotReplace()
    {
        _cli.Run("ingest", Inventory("a.json", null, Workload("y", Y)));
        var other = _cli.WriteFile("other.json", $$"""{ "inventory": "artifactgraph/v1", "environment": "production", "cluster": "us-east-1", "workloads": [ {{Workload("x", X)}} ] }""");

        _cli.Run("ingest", other);

        Assert.Equal(["production/eu-west-1/shop/deployment/y"], Deployments(Y));
    }

    [Fact]
    public void Ingest_EnvironmentAndClusterOptions_NameTheDeployments()
    {
        var pods = _cli.WriteFile("pods.json", $$"""
            { "apiVersion": "v1", "kind": "List", "items": [
              { "apiVersion": "v1", "kind": "Pod",
                "metadata": { "name": "api-7d4b9c8f6d-abcde", "namespace": "shop", "labels": { "pod-template-hash": "7d4b9c8f6d" },
                              "ownerReferences": [ { "kind": "ReplicaSet", "name": "api-7d4b9c8f6d", "controller": true } ] },
                "spec": { "containers": [ { "name": "api", "image": "registry.example.com/shop/api:1.0" } ] },
                "status": { "containerStatuses": [ { "name": "api", "imageID": "registry.example.com/shop/api@{{X}}" } ] } } ] }
            """);

        var (exit, _, error) = _cli.Run("ingest", pods, "--environment", "staging", "--cluster", "lab");

        Assert.True(exit == 0, error);
        Assert.Equal(["staging/lab/shop/deployment/api"], Deployments(X));
    }
}
