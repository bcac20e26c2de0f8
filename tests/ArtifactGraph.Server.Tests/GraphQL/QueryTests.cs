using System.Text.Json;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>Every query field on the sample supply chain (anonymous reading: the default loopback binding).</summary>
public sealed class QueryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<JsonElement> NodeByKeyAsync(string kind, string key, string selection) =>
        (await server.DataAsync($"query($k: String!) {{ nodeByKey(kind: {kind}, key: $k) {{ {selection} }} }}", new { k = key })).GetProperty("nodeByKey");

    [Fact]
    public async Task Node_GlobalIdFromNodeByKey_ReturnsSameTypedNode()
    {
        var byKey = await NodeByKeyAsync("PackageVersion", "pkg:npm/ms@2.0.0", "id");
        var id = byKey.GetProperty("id").GetString();

        var node = (await server.DataAsync("query($id: ID!) { node(id: $id) { __typename key ... on PackageVersion { purl ecosystem packageName version package { key } } } }", new { id })).GetProperty("node");

        Assert.Equal("PackageVersion", node.GetProperty("__typename").GetString());
        Assert.Equal("pkg:npm/ms@2.0.0", node.GetProperty("purl").GetString());
        Assert.Equal(("npm", "ms", "2.0.0"), (node.GetProperty("ecosystem").GetString(), node.GetProperty("packageName").GetString(), node.GetProperty("version").GetString()));
        Assert.Equal("pkg:npm/ms", node.GetProperty("package").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Nodes_KnownAndUnknownIds_NullForUnknownInOrder()
    {
        var id = (await NodeByKeyAsync("Package", "pkg:npm/lodash", "id")).GetProperty("id").GetString();

        var nodes = (await server.DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { key } }", new { ids = new[] { "bm9wZQ", id } })).GetProperty("nodes");

        Assert.Equal(JsonValueKind.Null, nodes[0].ValueKind);
        Assert.Equal("pkg:npm/lodash", nodes[1].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Package_Versions_ListsEveryKnownVersion()
    {
        var package = await NodeByKeyAsync("Package", "pkg:npm/lodash", "... on Package { ecosystem versions { totalCount edges { node { key } } } }");

        Assert.Equal(2, package.GetProperty("versions").GetProperty("totalCount").GetInt32());
        Assert.Equal("npm", package.GetProperty("ecosystem").GetString());
    }

    [Fact]
    public async Task Outgoing_ImageContains_EdgesCarryProvenanceDocuments()
    {
        var image = (await server.DataAsync("{ allNodes(kind: Image, filter: { nameContains: \"shop/api\" }) { edges { node { key ... on Image { digest reference } outgoing(kinds: [CONTAINS], first: 3) { totalCount edges { node { kind from { key } to { key } documents { format current verified subject { key } } } } } } } } }"))
            .GetProperty("allNodes").GetProperty("edges")[0].GetProperty("node");

        var outgoing = image.GetProperty("outgoing");
        Assert.True(outgoing.GetProperty("totalCount").GetInt32() > 3);
        Assert.Equal(3, outgoing.GetProperty("edges").GetArrayLength());
        var relationship = outgoing.GetProperty("edges")[0].GetProperty("node");
        Assert.Equal("CONTAINS", relationship.GetProperty("kind").GetString());
        Assert.Equal(image.GetProperty("key").GetString(), relationship.GetProperty("from").GetProperty("key").GetString());
        var document = Assert.Single(relationship.GetProperty("documents").EnumerateArray());
        Assert.Equal("CycloneDX-JSON", document.GetProperty("format").GetString());
        Assert.True(document.GetProperty("current").GetBoolean());
        Assert.False(document.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Incoming_KindsFilter_OnlyThoseKinds()
    {
        var node = await NodeByKeyAsync("PackageVersion", "pkg:npm/ms@2.0.0", "incoming(kinds: [DEPENDS_ON]) { edges { node { kind } } } properties { key value }");

        Assert.All(node.GetProperty("incoming").GetProperty("edges").EnumerateArray(), e => Assert.Equal("DEPENDS_ON", e.GetProperty("node").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Search_Text_MatchesKeysAndNamesIgnoringCase()
    {
        var search = (await server.DataAsync("{ search(text: \"LODASH\", kinds: [PackageVersion]) { totalCount edges { node { key } } } }")).GetProperty("search");

        Assert.Equal(2, search.GetProperty("totalCount").GetInt32());
        Assert.All(search.GetProperty("edges").EnumerateArray(), e => Assert.StartsWith("pkg:npm/lodash@", e.GetProperty("node").GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Search_ImageReference_FindsImage()
    {
        var search = (await server.DataAsync("{ search(text: \"shop/worker\", kinds: [Image]) { edges { node { __typename name } } } }")).GetProperty("search");

        Assert.Equal("Image", Assert.Single(search.GetProperty("edges").EnumerateArray()).GetProperty("node").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task AllNodes_EcosystemAndPrefixFilters_OnlyMatchingPackages()
    {
        var data = await server.DataAsync("{ apk: allNodes(kind: PackageVersion, filter: { ecosystem: \"apk\" }) { totalCount edges { node { key } } } prefix: allNodes(kind: PackageVersion, filter: { keyPrefix: \"pkg:npm/express\" }) { totalCount } }");

        Assert.True(data.GetProperty("apk").GetProperty("totalCount").GetInt32() > 0);
        Assert.All(data.GetProperty("apk").GetProperty("edges").EnumerateArray(), e => Assert.StartsWith("pkg:apk/", e.GetProperty("node").GetProperty("key").GetString()));
        Assert.Equal(1, data.GetProperty("prefix").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Documents_Filters_ListInCommitOrderAndFilter()
    {
        var data = await server.DataAsync("{ all: documents { totalCount edges { node { sha256 format name current } } } verified: documents(filter: { verifiedOnly: true }) { totalCount } named: documents(filter: { nameContains: \"zzz-no-such\" }) { totalCount } }");

        Assert.Equal(server.CliJson("stats").GetProperty("documents").GetInt32(), data.GetProperty("all").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("verified").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("named").GetProperty("totalCount").GetInt32());
        var sha = data.GetProperty("all").GetProperty("edges")[0].GetProperty("node").GetProperty("sha256").GetString();
        var document = (await server.DataAsync("query($s: String!) { document(sha256: $s) { key kind subject { kind } } }", new { s = sha })).GetProperty("document");
        Assert.Equal("sha256:" + sha, document.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Dependents_KindsFilter_CountsOnlyThoseKinds()
    {
        var data = await server.DataAsync("{ all: dependents(target: \"pkg:npm/lodash\") { totalCount } images: dependents(target: \"pkg:npm/lodash\", kinds: [Image]) { totalCount edges { node { kind } depth } } }");

        Assert.Equal(2, data.GetProperty("images").GetProperty("totalCount").GetInt32());
        Assert.True(data.GetProperty("all").GetProperty("totalCount").GetInt32() > 2);
    }

    [Fact]
    public async Task Dependents_NotAPurlOrDigest_ErrorNamesTheTarget()
    {
        var (status, body) = await server.GraphQLAsync("{ dependents(target: \"lodash\") { totalCount } }");

        Assert.Equal(200, status);
        Assert.Equal("BAD_TARGET", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Path_Unrelated_NotFound()
    {
        var path = (await server.DataAsync("{ path(from: \"pkg:npm/lodash@4.17.21\", to: \"pkg:npm/ms@2.0.0\") { found length path { node { key } } } }")).GetProperty("path");

        Assert.False(path.GetProperty("found").GetBoolean());
        Assert.Equal(JsonValueKind.Null, path.GetProperty("length").ValueKind);
    }
}
