using ArtifactGraph.Core.Graph;

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
}
