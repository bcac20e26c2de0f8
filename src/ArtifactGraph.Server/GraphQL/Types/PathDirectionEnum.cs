using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>How a path step's edge points relative to the walk.</summary>
internal enum PathDirection
{
    /// <summary>The edge points from the previous step to this one.</summary>
    Forward,

    /// <summary>The edge points from this step to the previous one.</summary>
    Backward,
}

internal sealed class PathDirectionEnum : EnumerationGraphType<PathDirection>
{
    public PathDirectionEnum()
    {
        Name = "PathDirection";
        Description = "FORWARD: the edge points from the previous step to this one; BACKWARD: from this one to the previous.";
    }
}
