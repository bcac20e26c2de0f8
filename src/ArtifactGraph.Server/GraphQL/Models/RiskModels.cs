using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.Risk;

namespace ArtifactGraph.Server.GraphQL.Models;

/// <summary>A risk report and the snapshot it was computed on (its images are that snapshot's nodes).</summary>
internal sealed record RiskModel(RiskReport Report, GraphIndex Index);

/// <summary>One risky image of a <see cref="RiskModel"/>.</summary>
internal sealed record ImageRiskModel(RiskModel Model, ImageRisk Risk)
{
    public NodeModel Node => Model.Index.TryFind(Risk.Image, out var id)
        ? new NodeModel(Model.Index, id)
        : throw new InvalidOperationException($"{Risk.Image.Key} is not in the snapshot the report was computed on");
}
