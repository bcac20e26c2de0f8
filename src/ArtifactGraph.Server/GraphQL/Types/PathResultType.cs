using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class PathResultType : ObjectGraphType<PathResultModel>
{
    public PathResultType()
    {
        Name = "PathResult";
        Description = "The shortest path by which `from` uses `to` (or, reversed, `to` uses `from`), through real edges only.";
        Field<NonNullGraphType<TargetType>>("from").ResolveSource(s => s.From);
        Field<NonNullGraphType<TargetType>>("to").ResolveSource(s => s.To);
        Field<NonNullGraphType<BooleanGraphType>>("found").ResolveSource(s => s.Path is not null);
        Field<NonNullGraphType<BooleanGraphType>>("reversed").Description("True when no path leads from `from` to `to` and this one leads from `to` to `from`.").ResolveSource(s => s.Reversed);
        Field<IntGraphType>("length").Description("Edges on the path; null when none was found.").ResolveSource(s => s.Path?.Count - 1);
        Field<ListGraphType<NonNullGraphType<PathStepType>>>("path").ResolveSource(s => s.Path);
    }
}
