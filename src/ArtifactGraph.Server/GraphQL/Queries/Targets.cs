using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary>Target text → nodes with the CLI's resolver; paths → step models.</summary>
internal static class Targets
{
    public static ResolvedTarget Resolve(GraphIndex index, string text)
    {
        var target = TargetResolver.Resolve(index, text);
        return target.Error is null ? target : throw new ExecutionError(target.Error) { Code = "BAD_TARGET" };
    }

    public static TargetModel Model(GraphIndex index, ResolvedTarget target) =>
        new(target.Query, target.Nodes.Select(n => new NodeModel(index, n)).ToList());

    public static List<PathStepModel> Steps(GraphIndex index, IReadOnlyList<PathStep> path)
    {
        var steps = new List<PathStepModel>(path.Count);
        NodeModel? previous = null;
        foreach (var step in path)
        {
            var node = new NodeModel(index, step.Node);
            steps.Add(new PathStepModel(node, step.Edge, step.Forward, previous));
            previous = node;
        }

        return steps;
    }
}
