using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Cli.Output;

/// <summary>
/// The stable --json shape of <c>dependents</c> and <c>deps</c>:
/// <c>{"target": {"query", "matched": [node]}, "count", "results": [{"kind","id","name","depth","path": [step]}]}</c>,
/// where a node is <c>{"kind","id","name"}</c> and every path step after the first adds
/// <c>"edge"</c> (the edge kind joining it to the previous step) and <c>"direction"</c>
/// (<c>forward</c>: previous → this, <c>backward</c>: this → previous).
/// </summary>
internal static class ClosureJson
{
    public static void Write(Utf8JsonWriter json, GraphIndex index, ResolvedTarget target, ClosureResult result)
    {
        json.WriteStartObject();
        json.WriteStartObject("target");
        json.WriteString("query", target.Query);
        json.WriteStartArray("matched");
        foreach (var node in target.Nodes)
        {
            WriteNode(json, index, node);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("count", result.Hits.Count);
        json.WriteStartArray("results");
        foreach (var hit in result.Hits)
        {
            json.WriteStartObject();
            WriteNodeFields(json, index, hit.Node);
            json.WriteNumber("depth", hit.Depth);
            WritePath(json, index, hit.Path);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>"path": [step]</c>. <paramref name="edgeExtras"/> may add fields to each step that has an
    /// edge (the provenance of that edge, for <c>why</c>).
    /// </summary>
    public static void WritePath(Utf8JsonWriter json, GraphIndex index, IReadOnlyList<PathStep> path, Action<int, PathStep>? edgeExtras = null)
    {
        json.WriteStartArray("path");
        for (var i = 0; i < path.Count; i++)
        {
            var step = path[i];
            json.WriteStartObject();
            WriteNodeFields(json, index, step.Node);
            if (step.Edge is { } edge)
            {
                json.WriteString("edge", edge.ToWireName());
                json.WriteString("direction", step.Forward ? "forward" : "backward");
                edgeExtras?.Invoke(i, step);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteNode(Utf8JsonWriter json, GraphIndex index, int node)
    {
        json.WriteStartObject();
        WriteNodeFields(json, index, node);
        json.WriteEndObject();
    }

    private static void WriteNodeFields(Utf8JsonWriter json, GraphIndex index, int node)
    {
        json.WriteString("kind", index.KindOf(node).ToString());
        json.WriteString("id", index.KeyOf(node));
        var name = index.NameOf(node);
        if (name is null)
        {
            json.WriteNull("name");
        }
        else
        {
            json.WriteString("name", name);
        }
    }
}
