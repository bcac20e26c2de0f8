using System.Text.Json;
using GraphQL.Types;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// Bench-only: a GraphQL.NET schema whose <c>blastRadius</c> returns a precomputed answer with the field
/// names of the real schema (BlastRadius → counts, images connection → edges → node, depth, path), so
/// the same query gets the same JSON, byte for byte, with no graph walk, no store and no paging behind
/// it. The gap between it and the real server is what our resolvers and request policy cost.
/// </summary>
internal sealed class StaticBlastRadiusSchema : Schema
{
    public StaticBlastRadiusSchema(StaticAnswer answer)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<NonNullGraphType<StaticBlastRadiusType>>("blastRadius")
            .Argument<StringGraphType>("vulnerability")
            .Resolve(_ => answer);
        Query = query;
    }

    /// <summary>The answer the real server gave (<c>data.blastRadius</c>), as plain objects.</summary>
    public static StaticAnswer From(JsonElement blastRadius)
    {
        var images = blastRadius.GetProperty("images");
        var edges = images.GetProperty("edges").EnumerateArray()
            .Select(e => new StaticEdge(
                e.GetProperty("depth").GetInt32(),
                Node(e.GetProperty("node")),
                e.GetProperty("path").EnumerateArray().Select(s => new StaticStep(Text(s, "edge"), Text(s, "direction"), Node(s.GetProperty("node")))).ToList()))
            .ToList();
        return new StaticAnswer(blastRadius.GetProperty("counts").GetProperty("images").GetInt32(), new StaticConnection(images.GetProperty("totalCount").GetInt32(), edges));
    }

    private static StaticNode Node(JsonElement node) => new(Text(node, "id"), Text(node, "kind"), Text(node, "key"), Text(node, "name"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed record StaticAnswer(int ImageCount, StaticConnection Images);

internal sealed record StaticConnection(int TotalCount, IReadOnlyList<StaticEdge> Edges);

internal sealed record StaticEdge(int Depth, StaticNode Node, IReadOnlyList<StaticStep> Path);

internal sealed record StaticStep(string? Edge, string? Direction, StaticNode Node);

internal sealed record StaticNode(string? Id, string? Kind, string? Key, string? Name);

internal sealed class StaticBlastRadiusType : ObjectGraphType<StaticAnswer>
{
    public StaticBlastRadiusType()
    {
        Name = "BlastRadius";
        Field<NonNullGraphType<StaticCountsType>>("counts").Resolve(c => c.Source);
        Field<NonNullGraphType<StaticConnectionType>>("images")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(c => c.Source.Images);
    }
}

internal sealed class StaticCountsType : ObjectGraphType<StaticAnswer>
{
    public StaticCountsType()
    {
        Name = "BlastCounts";
        Field<NonNullGraphType<IntGraphType>>("images").Resolve(c => c.Source.ImageCount);
    }
}

internal sealed class StaticConnectionType : ObjectGraphType<StaticConnection>
{
    public StaticConnectionType()
    {
        Name = "ClosureConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StaticEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
    }
}

internal sealed class StaticEdgeType : ObjectGraphType<StaticEdge>
{
    public StaticEdgeType()
    {
        Name = "ClosureEdge";
        Field<NonNullGraphType<IntGraphType>>("depth").Resolve(c => c.Source.Depth);
        Field<NonNullGraphType<StaticNodeType>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StaticStepType>>>>("path").Resolve(c => c.Source.Path);
    }
}

internal sealed class StaticStepType : ObjectGraphType<StaticStep>
{
    public StaticStepType()
    {
        Name = "PathStep";
        Field<StringGraphType>("edge").Resolve(c => c.Source.Edge);
        Field<StringGraphType>("direction").Resolve(c => c.Source.Direction);
        Field<NonNullGraphType<StaticNodeType>>("node").Resolve(c => c.Source.Node);
    }
}

internal sealed class StaticNodeType : ObjectGraphType<StaticNode>
{
    public StaticNodeType()
    {
        Name = "Node";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
    }
}
