using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class PackageVersionType : NodeObjectType
{
    public PackageVersionType()
        : base(NodeKind.PackageVersion, "A package at one version: its canonical purl with version and qualifiers.")
    {
        Field<NonNullGraphType<StringGraphType>>("purl").ResolveSource(s => s.Key);
        Field<StringGraphType>("ecosystem").Description("The purl type (npm, maven, apk ...); null for an unparsable purl.").ResolveSource(s => Parse(s)?.Type);
        Field<StringGraphType>("namespace").ResolveSource(s => Parse(s)?.Namespace);
        Field<StringGraphType>("packageName").ResolveSource(s => Parse(s)?.Name);
        Field<StringGraphType>("version").ResolveSource(s => Parse(s)?.Version);
        Field<PackageType>("package").Description("The package without version (VERSION_OF).").ResolveSource(s => Related(s, EdgeKind.VersionOf).FirstOrDefault());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LicenseType>>>>("licenses").ResolveSource(s => Related(s, EdgeKind.HasLicense).ToList());
    }

    public static Purl? Parse(NodeModel node) => Purl.TryParse(node.Key, out var purl, out _) ? purl : null;

    /// <summary>Targets of the node's outgoing edges of one kind.</summary>
    public static IEnumerable<NodeModel> Related(NodeModel node, EdgeKind kind)
    {
        var span = node.Index.Outgoing(node.Id);
        for (var i = 0; i < span.Count; i++)
        {
            if (span.Kind(i) == kind)
            {
                yield return new NodeModel(node.Index, span.Target(i));
            }
        }
    }
}
