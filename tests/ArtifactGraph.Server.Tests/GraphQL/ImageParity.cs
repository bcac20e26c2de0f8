using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>
/// Compares image(ref) with the CLI's image --json for the same reference and store, field by field (as JSON text):
/// the whole report, its VEX-applied split, and every page of its contents.
/// </summary>
internal static class ImageParity
{
    public const string Document = "sha256 format name ingestedAt effectiveAt current";

    public const string FindingSelection = $$"""
        totalCount edges { node {
          id aliases severity score package { key } version explanation fixedVersion advisory { {{Document}} }
          suppressedBy { product { key } status justification issuer document { {{Document}} } }
        } }
        """;

    public const string ContentSelection = $"totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {CliShapes.NodeFields} }} depth direct }}";

    public const string Selection = $$"""
        image { {{CliShapes.NodeFields}} }
        tags
        baseImages { {{CliShapes.NodeFields}} }
        deployments(first: 500) { totalCount edges { node { {{CliShapes.NodeFields}} } environment cluster replicas exposure depth } }
        vulnerabilities(first: 500) { {{FindingSelection}} }
        suppressed(first: 500) { {{FindingSelection}} }
        contents(first: 500) { {{ContentSelection}} }
        provenance { kind to { {{CliShapes.NodeFields}} } }
        counts { contents direct deployments vulnerabilities suppressed }
        vexApplied
        """;

    /// <summary>Asserts the GraphQL answer for <paramref name="reference"/> equals the CLI's single image; returns the applied answer.</summary>
    public static async Task<JsonElement> AssertEqualsCliAsync(ServerFixture server, string reference)
    {
        var data = await server.DataAsync($"query($r: String!) {{ applied: image(ref: $r) {{ {Selection} }} raw: image(ref: $r, ignoreVex: true) {{ vexApplied vulnerabilities(first: 500) {{ {FindingSelection} }} }} }}", new { r = reference });

        var cli = Assert.Single(server.CliJsonNode("image", reference).AsArray())!;
        var applied = data.GetProperty("applied");
        var raw = data.GetProperty("raw");
        var contents = await ContentsAsync(server, reference, applied.GetProperty("contents"));
        Assert.Equal(CliShapes.Text(cli), CliShapes.Text(Shape(applied, raw, contents)));
        var cliFindings = cli["vulnerabilities"]!.AsArray();
        Assert.Equal(Text(cliFindings.Where(v => v!["suppressedBy"] is null)), Text(Findings(applied.GetProperty("vulnerabilities"))));
        Assert.Equal(Text(cliFindings.Where(v => v!["suppressedBy"] is not null)), Text(Findings(applied.GetProperty("suppressed"))));
        Assert.True(applied.GetProperty("vexApplied").GetBoolean());
        Assert.False(raw.GetProperty("vexApplied").GetBoolean());
        return applied;
    }

    /// <summary>The first page's content edges followed by every later page's (pages hold at most 500).</summary>
    private static async Task<List<JsonElement>> ContentsAsync(ServerFixture server, string reference, JsonElement page)
    {
        var edges = new List<JsonElement>();
        while (true)
        {
            edges.AddRange(page.GetProperty("edges").EnumerateArray());
            var info = page.GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                return edges;
            }

            var data = await server.DataAsync(
                $"query($r: String!, $a: String) {{ image(ref: $r) {{ contents(first: 500, after: $a) {{ {ContentSelection} }} }} }}",
                new { r = reference, a = info.GetProperty("endCursor").GetString() });
            page = data.GetProperty("image").GetProperty("contents");
        }
    }

    /// <summary>
    /// The GraphQL answer rewritten into one element of the CLI's image --json array (README): vulnerabilities come from
    /// the ignoreVex answer (every finding, in the CLI's order, each naming its suppressing statement); the CLI writes
    /// replicas as the inventory's string, GraphQL as an Int.
    /// </summary>
    private static JsonObject Shape(JsonElement report, JsonElement raw, IReadOnlyList<JsonElement> contents)
    {
        var counts = report.GetProperty("counts");
        return new JsonObject
        {
            ["image"] = CliShapes.Node(report.GetProperty("image")),
            ["baseImages"] = new JsonArray([.. report.GetProperty("baseImages").EnumerateArray().Select(b => (JsonNode)CliShapes.Node(b))]),
            ["deployments"] = new JsonArray([.. report.GetProperty("deployments").GetProperty("edges").EnumerateArray().Select(e =>
            {
                var deployment = CliShapes.Node(e.GetProperty("node"));
                deployment["environment"] = e.GetProperty("environment").GetString();
                deployment["cluster"] = e.GetProperty("cluster").GetString();
                deployment["replicas"] = e.GetProperty("replicas") is { ValueKind: JsonValueKind.Number } replicas ? replicas.GetInt32().ToString(CultureInfo.InvariantCulture) : null;
                deployment["exposure"] = e.GetProperty("exposure").GetString();
                deployment["depth"] = e.GetProperty("depth").GetInt32();
                return (JsonNode)deployment;
            })]),
            ["vulnerabilities"] = Findings(raw.GetProperty("vulnerabilities")),
            ["contents"] = new JsonArray([.. contents.Select(e =>
            {
                var content = CliShapes.Node(e.GetProperty("node"));
                content["depth"] = e.GetProperty("depth").GetInt32();
                content["direct"] = e.GetProperty("direct").GetBoolean();
                return (JsonNode)content;
            })]),
            ["provenance"] = new JsonArray([.. report.GetProperty("provenance").EnumerateArray().Select(p =>
            {
                var edge = new JsonObject { ["edge"] = p.GetProperty("kind").GetString() };
                foreach (var (name, value) in CliShapes.Node(p.GetProperty("to")))
                {
                    edge[name] = value?.DeepClone();
                }

                return (JsonNode)edge;
            })]),
            ["counts"] = new JsonObject
            {
                ["contents"] = counts.GetProperty("contents").GetInt32(),
                ["direct"] = counts.GetProperty("direct").GetInt32(),
                ["vulnerabilities"] = counts.GetProperty("vulnerabilities").GetInt32(),
                ["suppressed"] = counts.GetProperty("suppressed").GetInt32(),
            },
        };
    }

    private static JsonArray Findings(JsonElement connection) => new([.. connection.GetProperty("edges").EnumerateArray().Select(e =>
    {
        var finding = (JsonObject)JsonNode.Parse(e.GetProperty("node").GetRawText())!;
        finding["package"] = finding["package"]!["key"]!.DeepClone();
        if (finding["suppressedBy"] is JsonObject suppressedBy)
        {
            suppressedBy["product"] = suppressedBy["product"]!["key"]!.DeepClone();
        }

        return (JsonNode)finding;
    })]);

    public static string Text(IEnumerable<JsonNode?> nodes) => new JsonArray([.. nodes.Select(n => n?.DeepClone())]).ToJsonString();
}
