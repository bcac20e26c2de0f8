using System.Globalization;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Core.Tests.Queries.BlastRadius;

public sealed class DeploymentFactsTests
{
    private const string Library = "pkg:npm/lib@1.0.0";
    private const int Deployments = 20;

    [Fact]
    public void For_BatchNamesNoDeployment_NextSnapshotReadsNothingAgain()
    {
        var (holder, store) = Started();
        var before = Answer(holder.Current, store);
        Assert.Equal(Deployments, store.Reads);

        holder.Apply(Batch("02", b => b.AddEdge(EdgeKind.Contains, b.AddNode(Image(9)), b.AddNode(new NodeRef(NodeKind.PackageVersion, "pkg:npm/other@2.0.0")))), 2);
        store.Reads = 0;
        var after = Answer(holder.Current, store);

        Assert.Equal(0, store.Reads);
        Assert.Equal(before, after);
    }

    [Fact]
    public void For_BatchNamesADeployment_ReadsThatOneAgain()
    {
        var (holder, store) = Started();
        Answer(holder.Current, store);

        // An inventory names deployment 3 again, now with 9 replicas; then an unrelated commit, with no answer between.
        store.Properties[Deployment(3)] = Properties(3, replicas: 9);
        holder.Apply(Batch("02", b => b.AddEdge(EdgeKind.Runs, b.AddNode(Deployment(3)), b.AddNode(Image(3 % 4)))), 2);
        holder.Apply(Batch("03", b => b.AddNode(new NodeRef(NodeKind.PackageVersion, "pkg:npm/other@2.0.0"))), 3);
        store.Reads = 0;
        var after = Answer(holder.Current, store);

        Assert.Equal(1, store.Reads);
        Assert.Equal(9, after.Single(d => d.Key == Deployment(3).Key).Replicas);
        Assert.Equal(after, Answer(holder.Current, new PropertyStore(store.Properties)));
    }

    [Fact]
    public void For_NodesRenumberedByTheBatch_FactsFollowTheirKeys()
    {
        var (holder, store) = Started();
        Answer(holder.Current, store);
        var idsBefore = Enumerable.Range(0, Deployments).Select(i => Id(holder.Current, Deployment(i))).ToList();

        // Many new nodes: the snapshot is numbered for the walks again, so ids move.
        holder.Apply(Batch("02", b =>
        {
            for (var i = 0; i < 200; i++)
            {
                b.AddEdge(EdgeKind.DependsOn, b.AddNode(new NodeRef(NodeKind.PackageVersion, $"pkg:npm/new{i}@1.0.0")), b.AddNode(new NodeRef(NodeKind.PackageVersion, Library)));
            }
        }), 2);
        store.Reads = 0;
        var after = Answer(holder.Current, store);

        Assert.NotEqual(idsBefore, Enumerable.Range(0, Deployments).Select(i => Id(holder.Current, Deployment(i))));
        Assert.Equal(0, store.Reads);
        Assert.Equal(Answer(holder.Current, new PropertyStore(store.Properties)), after);
    }

    /// <summary>A library in four images, each run by five deployments in different environments and sizes.</summary>
    private static (GraphIndexHolder Holder, PropertyStore Store) Started()
    {
        var store = new PropertyStore([]);
        var holder = new GraphIndexHolder();
        holder.Apply(Batch("01", b =>
        {
            var library = b.AddNode(new NodeRef(NodeKind.PackageVersion, Library));
            for (var i = 0; i < 4; i++)
            {
                b.AddEdge(EdgeKind.Contains, b.AddNode(Image(i)), library);
            }

            for (var i = 0; i < Deployments; i++)
            {
                store.Properties[Deployment(i)] = Properties(i, replicas: i % 5);
                b.AddEdge(EdgeKind.Runs, b.AddNode(Deployment(i)), b.AddNode(Image(i % 4)));
            }
        }), 1);
        return (holder, store);
    }

    private static List<(string Key, string Environment, string Exposure, int Replicas)> Answer(GraphIndex index, PropertyStore store) =>
        [.. BlastRadiusQuery.Run(index, AdvisoryCatalog.Create([], index), store.Read, new BlastRadiusRequest { Purl = Library }).Deployments
            .Select(d => (index.KeyOf(d.Node), d.Environment, d.Exposure, d.Replicas))];

    private static IngestBatch Batch(string sha, Action<IngestBatchBuilder> fill)
    {
        var builder = new IngestBatchBuilder();
        fill(builder);
        return builder.Build(new DocumentInfo { Sha256 = sha, Format = "test", Name = sha });
    }

    private static NodeRef Image(int i) => new(NodeKind.Image, $"sha256:{i:x4}");

    private static NodeRef Deployment(int i) => new(NodeKind.Deployment, $"{(i % 3 == 0 ? "production" : "staging")}/c1/shop/deployment/app{i:D2}");

    private static Dictionary<string, string> Properties(int i, int replicas) => new()
    {
        ["deploy:environment"] = i % 3 == 0 ? "production" : "staging",
        ["deploy:cluster"] = "c1",
        ["live:exposure"] = i % 4 == 0 ? "internet" : "internal",
        ["live:replicas"] = replicas.ToString(CultureInfo.InvariantCulture),
    };

    private static int Id(GraphIndex index, NodeRef node) => index.TryFind(node, out var id) ? id : throw new InvalidOperationException(node.Key);

    /// <summary>Node properties as a store keeps them, counting the deployments it is asked for.</summary>
    private sealed class PropertyStore(Dictionary<NodeRef, Dictionary<string, string>> properties)
    {
        public Dictionary<NodeRef, Dictionary<string, string>> Properties { get; } = properties;

        public int Reads { get; set; }

        public Dictionary<NodeRef, IReadOnlyDictionary<string, string>> Read(IReadOnlyCollection<NodeRef> nodes)
        {
            Reads += nodes.Count(n => n.Kind == NodeKind.Deployment);
            return nodes.Where(Properties.ContainsKey).ToDictionary(n => n, n => (IReadOnlyDictionary<string, string>)Properties[n]);
        }
    }
}
