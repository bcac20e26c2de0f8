using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Ingest.Formats.Kubernetes;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;
using ArtifactGraph.Ingest.Tests.Formats.Inventory;

namespace ArtifactGraph.Ingest.Tests.Formats.Kubernetes;

public sealed class KubernetesReaderTests
{
    private static DocumentInput Fixture(string name, Dictionary<string, string>? hints = null) =>
        CdxTestInput.FromFile(DeploymentFixtureTests.FixturePath("Kubernetes", "valid", name)) with { Hints = hints ?? [] };

    [Fact]
    public void Read_HintsGiven_WinOverLabels()
    {
        var batch = new KubernetesYamlReader().Read(Fixture("manifests.yaml", new() { ["environment"] = "staging", ["cluster"] = "lab-2" }));

        Assert.Equal("staging/lab-2", batch.Document.Subject!.Value.Key);
        Assert.Contains(batch.Nodes, n => n.Key == "staging/lab-2/shop/deployment/api" && n.Properties["deploy:environment"] == "staging");
        Assert.DoesNotContain(batch.Nodes, n => n.Kind == NodeKind.Deployment && n.Key.StartsWith("production/", StringComparison.Ordinal));
        Assert.Empty(batch.Warnings);
    }

    [Fact]
    public void Read_NoHintsNoLabels_UnknownWithWarning()
    {
        var batch = new KubernetesJsonReader().Read(Fixture("pod-list.json"));

        Assert.Equal("unknown/unknown", batch.Document.Subject!.Value.Key);
        Assert.Contains(batch.Warnings, w => w.Message.Contains("--environment", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PodList_CountsObjectsThatAreNotWorkloads()
    {
        var batch = new KubernetesJsonReader().Read(Fixture("pod-list.json", new() { ["environment"] = "e", ["cluster"] = "c" }));

        Assert.Equal("1", batch.Document.Properties["k8s:ignored:Service"]);
        Assert.Equal("6", batch.Document.Properties["k8s:objects"]);
        Assert.Equal("c", batch.Nodes.Single(n => n.Ref == batch.Document.Subject).Name);
    }

    [Fact]
    public void Read_TagAndDigestOfSameContainer_OnlyTheDigestImageRuns()
    {
        var batch = new KubernetesJsonReader().Read(Fixture("pod-list.json"));

        var web = batch.Edges.Where(e => e.Kind == EdgeKind.Runs && e.From.Key.EndsWith("/shop/deployment/web", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(web, e => e.To.Key.StartsWith("ref:", StringComparison.Ordinal));
        var image = batch.Nodes.Single(n => n.Key == web.Single(e => e.Properties["container"] == "web").To.Key);
        Assert.Equal("registry.example.com/shop/web:3.1.0", image.Name);
        Assert.Equal("3.1.0", image.Properties["image:tag"]);
    }

    [Fact]
    public void Read_TagOnlyImage_MarkedUnresolved()
    {
        var batch = new KubernetesJsonReader().Read(Fixture("pod-list.json"));

        var postgres = batch.Nodes.Single(n => n.Key == "ref:docker.io/library/postgres:16");
        Assert.Equal("true", postgres.Properties["image:unresolved"]);
        Assert.Equal("docker.io/library/postgres", postgres.Properties["image:repository"]);
    }

    [Fact]
    public void Read_ImageThatIsNotAReference_WarnedNotRejected()
    {
        var json = """{ "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "a" }, "spec": { "containers": [ { "name": "c", "image": "${IMAGE}" } ] } }""";

        var batch = new KubernetesJsonReader().Read(CdxTestInput.FromBytes("pod.json", Encoding.UTF8.GetBytes(json)));

        Assert.Contains(batch.Warnings, w => w.Location == "/spec/containers/0/image");
        Assert.DoesNotContain(batch.Edges, e => e.Kind == EdgeKind.Runs);
    }

    [Theory]
    [InlineData("web-5d8f7c9b4", null, "web")]
    [InlineData("web-5d8f7c9b4", "5d8f7c9b4", "web")]
    [InlineData("web-5d8f7c9b4", "other", null)]
    [InlineData("my-app-v2", null, null)]
    [InlineData("api-aeiou", null, null)]
    public void DeploymentOf_ReplicaSetNames_FollowPodTemplateHashConvention(string replicaSet, string? hash, string? expected)
    {
        Assert.Equal(expected, KubernetesOwners.DeploymentOf(replicaSet, hash));
    }

    [Theory]
    [InlineData("report-29012345", "report")]
    [InlineData("report-1", null)]
    [InlineData("migrate-db", null)]
    public void CronJobOf_JobNames_FollowScheduledTimeConvention(string job, string? expected)
    {
        Assert.Equal(expected, KubernetesOwners.CronJobOf(job));
    }

    [Theory]
    [InlineData("docker-pullable://nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("docker.io/library/nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("docker://sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void DigestOf_ImageIdForms_CanonicalDigest(string imageId)
    {
        Assert.Equal("sha256:" + new string('a', 64), KubernetesPodSpec.DigestOf(imageId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("docker-pullable://nginx:1.25")]
    [InlineData("sha256:abc")]
    public void DigestOf_NoDigest_Null(string imageId)
    {
        Assert.Null(KubernetesPodSpec.DigestOf(imageId));
    }

    [Fact]
    public void CanRead_OtherFormats_NotClaimed()
    {
        var cdx = CdxTestInput.FromBytes("a.json", """{"bomFormat":"CycloneDX","specVersion":"1.5"}"""u8.ToArray());
        var configMap = CdxTestInput.FromBytes("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"u8.ToArray());

        Assert.False(new KubernetesJsonReader().CanRead(cdx));
        Assert.False(new KubernetesYamlReader().CanRead(configMap));
    }
}
