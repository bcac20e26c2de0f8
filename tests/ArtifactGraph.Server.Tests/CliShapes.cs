using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArtifactGraph.Server.Tests;

/// <summary>
/// Rewrites GraphQL answers into the CLI's --json shapes (README), so the two compare as JSON text:
/// a node is {kind, id (= key), name}; a path step adds edge and direction (lower case).
/// </summary>
internal static class CliShapes
{
    public const string NodeFields = "kind key name";

    public const string StepFields = "node { kind key name } edge direction";

    public static JsonObject Node(JsonElement node) => new()
    {
        ["kind"] = node.GetProperty("kind").GetString(),
        ["id"] = node.GetProperty("key").GetString(),
        ["name"] = node.GetProperty("name").GetString(),
    };

    public static JsonArray Path(JsonElement steps)
    {
        var path = new JsonArray();
        foreach (var step in steps.EnumerateArray())
        {
            var node = Node(step.GetProperty("node"));
            if (step.GetProperty("edge").ValueKind != JsonValueKind.Null)
            {
                node["edge"] = step.GetProperty("edge").GetString();
                node["direction"] = step.GetProperty("direction").GetString()!.ToLowerInvariant();
            }

            path.Add(node);
        }

        return path;
    }

    /// <summary>A dependents/dependencies connection (one page holding everything) as the CLI's closure JSON.</summary>
    public static JsonObject Closure(JsonElement connection)
    {
        var target = connection.GetProperty("target");
        var results = new JsonArray();
        foreach (var edge in connection.GetProperty("edges").EnumerateArray())
        {
            var hit = Node(edge.GetProperty("node"));
            hit["depth"] = edge.GetProperty("depth").GetInt32();
            hit["path"] = Path(edge.GetProperty("path"));
            results.Add(hit);
        }

        return new JsonObject
        {
            ["target"] = new JsonObject
            {
                ["query"] = target.GetProperty("query").GetString(),
                ["matched"] = new JsonArray([.. target.GetProperty("matched").EnumerateArray().Select(m => (JsonNode)Node(m))]),
            },
            ["count"] = connection.GetProperty("totalCount").GetInt32(),
            ["results"] = results,
        };
    }

    public static string Text(JsonNode node) => node.ToJsonString();

    public static string Text(JsonElement element) => JsonNode.Parse(element.GetRawText())!.ToJsonString();
}
