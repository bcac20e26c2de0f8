using ArtifactGraph.Core.Graph;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>A typed node object: the Node fields, plus what the kind adds in the derived type.</summary>
internal abstract class NodeObjectType : ObjectGraphType<NodeModel>
{
    protected NodeObjectType(NodeKind kind, string description)
    {
        Kind = kind;
        Name = kind.ToString();
        Description = description;
        Interface<NodeInterface>();
        IsTypeOf = o => o is NodeModel node && node.Kind == kind;
        NodeFields.Add(this);
    }

    public NodeKind Kind { get; }
}

internal sealed class DeploymentType() : NodeObjectType(NodeKind.Deployment, "A running workload: environment / cluster / namespace / workload.");

internal sealed class SourceType() : NodeObjectType(NodeKind.Source, "A VCS repository, optionally at a revision.");

internal sealed class BuilderType() : NodeObjectType(NodeKind.Builder, "A build platform or builder identity.");

internal sealed class ScorecardType() : NodeObjectType(NodeKind.Scorecard, "An OpenSSF Scorecard result.");

internal sealed class LicenseType() : NodeObjectType(NodeKind.License, "A licence: SPDX id, name, or expression as written.");
