using System.Buffers.Text;
using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Server.GraphQL;

namespace ArtifactGraph.Server.Tests.GraphQL;

public sealed class GlobalIdsTests
{
    public static TheoryData<NodeKind> Kinds() => [.. Enum.GetValues<NodeKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Encode_EveryKind_IsBase64UrlOfKindColonKeyAndDecodes(NodeKind kind)
    {
        const string Key = "pkg:npm/%40scope/naïve-名前@1.0.0?arch=x86_64#sub/path";

        var id = GlobalIds.Encode(kind, Key);

        Assert.Equal(Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{kind}:{Key}")), id);
        Assert.True(GlobalIds.TryDecode(id, out var decodedKind, out var decodedKey));
        Assert.Equal(kind, decodedKind);
        Assert.Equal(Key, decodedKey);
    }

    [Fact]
    public void Encode_LongKey_IsWhole()
    {
        var key = "sha256:" + new string('a', 10_000);

        Assert.True(GlobalIds.TryDecode(GlobalIds.Encode(NodeKind.Artifact, key), out _, out var decoded));
        Assert.Equal(key, decoded);
    }
}
