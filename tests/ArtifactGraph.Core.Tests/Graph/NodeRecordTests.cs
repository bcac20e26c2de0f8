using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Core.Tests.Graph;

public sealed class NodeRecordTests
{
    private static readonly Dictionary<string, string> None = [];
    private static readonly NodeRef Lodash = new(NodeKind.PackageVersion, "pkg:npm/lodash@4.17.21");

    [Fact]
    public void Identity_NewRecord_IsTheNodeHashOfItsRef()
    {
        var record = new NodeRecord(Lodash, "lodash", None);

        Assert.Equal(NodeHash.Of(Lodash), record.Identity);
    }

    [Fact]
    public void Identity_WithAnotherRef_FollowsTheRef()
    {
        var other = new NodeRef(NodeKind.Package, "pkg:npm/lodash");

        var moved = new NodeRecord(Lodash, "lodash", None) with { Ref = other };

        Assert.Equal(NodeHash.Of(other), moved.Identity);
        Assert.Equal(new NodeRecord(other, "lodash", None), moved);
    }

    [Fact]
    public void Identity_WithOtherFields_KeepsItsIdentityAndEquality()
    {
        var record = new NodeRecord(Lodash, null, None);

        var named = record with { Name = "lodash" };

        Assert.Equal(record.Identity, named.Identity);
        Assert.Equal(new NodeRecord(Lodash, "lodash", None), named);
        Assert.NotEqual(record, named);
    }

    [Fact]
    public void Identity_RecordFromTheBatchBuilder_IsTheNodeHashAndEqualsOneMadeByHand()
    {
        var builder = new IngestBatchBuilder();
        builder.AddNode(Lodash, "lodash");
        var batch = builder.Build(new DocumentInfo { Sha256 = new string('0', 64), Format = "test", Name = "test" });

        var built = Assert.Single(batch.Nodes, n => n.Ref == Lodash);

        Assert.Equal(NodeHash.Of(Lodash), built.Identity);
        Assert.Equal(new NodeRecord(Lodash, "lodash", built.Properties), built);
    }

    [Fact]
    public void Deconstruct_GivesRefNameAndProperties()
    {
        var (node, name, properties) = new NodeRecord(Lodash, "lodash", None);

        Assert.Equal((Lodash, "lodash"), (node, name));
        Assert.Same(None, properties);
    }
}
