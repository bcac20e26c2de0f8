using ArtifactGraph.Core.Graph;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class PackageType : NodeObjectType
{
    public PackageType()
        : base(NodeKind.Package, "A package without version: every known version points to it (VERSION_OF).")
    {
        Field<NonNullGraphType<StringGraphType>>("purl").ResolveSource(s => s.Key);
        Field<StringGraphType>("ecosystem").Description("The purl type (npm, maven, apk ...).").ResolveSource(s => PackageVersionType.Parse(s)?.Type);
        Field<NonNullGraphType<NodeConnectionType>>("versions")
            .Description("The known versions of this package.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Resolve(c =>
            {
                var versions = Versions(c.Source);
                return Paging.Slice(c, versions.Count, i => new NodeModel(c.Source.Index, versions[i]));
            });
    }

    private static List<int> Versions(NodeModel package)
    {
        var span = package.Index.Incoming(package.Id);
        var versions = new List<int>();
        for (var i = 0; i < span.Count; i++)
        {
            if (span.Kind(i) == EdgeKind.VersionOf)
            {
                versions.Add(span.Target(i));
            }
        }

        return versions;
    }
}
