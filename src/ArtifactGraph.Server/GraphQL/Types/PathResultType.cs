using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class PathResultType : ObjectGraphType<PathResultModel>
{
    public PathResultType()
    {
        Name = "PathResult";
        Description = "The shortest path by which `from` uses `to` (or, reversed, `to` uses `from`), through real edges only.";
        Field<NonNullGraphType<TargetType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<TargetType>>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<BooleanGraphType>>("found").Resolve(c => c.Source.Path is not null);
        Field<NonNullGraphType<BooleanGraphType>>("reversed").Description("True when no path leads from `from` to `to` and this one leads from `to` to `from`.").Resolve(c => c.Source.Reversed);
        Field<IntGraphType>("length").Description("Edges on the path; null when none was found.").Resolve(c => c.Source.Path?.Count - 1);
        Field<ListGraphType<NonNullGraphType<PathStepType>>>("path").Resolve(c => c.Source.Path);
    }
}
