using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>The answer of <c>provenance</c>: the CLI's <c>provenance --json</c>, nodes as Node objects.</summary>
internal sealed class ProvenanceReportType : ObjectGraphType<ProvenanceModel>
{
    public ProvenanceReportType()
    {
        Name = "ProvenanceReport";
        Description = "How a subject was built and where it came from (artifactgraph provenance).";
        Field<NonNullGraphType<StringGraphType>>("query").ResolveSource(s => s.Result.Query);
        Field<NonNullGraphType<BooleanGraphType>>("found").Description("True when something says how the subject was built or where it came from.")
            .ResolveSource(s => s.Result.Subjects.Count > 0 || s.Result.Packages.Count > 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("matched").Description("What the subject resolved to (a digest: its Artifact and Image; a purl: its versions).")
            .Resolve(c => c.Source.Matched.Select(n => new NodeModel(c.Request().Index, n)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BuiltSubjectType>>>>("subjects")
            .Description("Each matched node (and, for a purl, each Artifact it OCCURS_AS) with BUILT_BY or BUILT_FROM edges.")
            .ResolveSource(s => s.Result.Subjects);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PackageSourcesType>>>>("packages")
            .Description("For a purl subject: each version's SOURCE_AT sources (SBOM VCS references).")
            .ResolveSource(s => s.Result.Packages);
    }
}

internal sealed class BuiltSubjectType : ObjectGraphType<BuiltSubject>
{
    public BuiltSubjectType()
    {
        Name = "BuiltSubject";
        Description = "A node something says was built: its builders, sources, materials and the attestations saying so.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => NodeRefs.Model(c.Request().Index, c.Source.Node));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("builders").Description("BUILT_BY targets.")
            .Resolve(c => Statements(c).Where(s => s.Kind == EdgeKind.BuiltBy).Select(s => s.To).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("buildTypes").ResolveSource(s => s.BuildTypes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceProvenanceType>>>>("sources").Description("The git materials at their revision, with their Scorecard.").ResolveSource(s => s.Sources);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("materials").Description("Everything else it was built from.")
            .Resolve(c => c.Source.Materials.Select(m => NodeRefs.Model(c.Request().Index, m)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttestationType>>>>("attestations")
            .Description("The documents asserting its BUILT_BY / BUILT_FROM edges, oldest first, with their signature verdict.")
            .ResolveSource(s => s.Attestations);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Description("True when at least one attestation's signature verified against a trusted key.")
            .ResolveSource(s => s.Attestations.Any(a => a.Verified));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("signers").Description("The key ids (or certificate identities) of the verified attestations.")
            .ResolveSource(s => s.Attestations.Where(a => a.Verified && a.KeyId is not null).Select(a => a.KeyId!).Distinct(StringComparer.Ordinal).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipType>>>>("statements")
            .Description("Its BUILT_BY and BUILT_FROM edges, each with the documents asserting it.")
            .Resolve(Statements);
    }

    /// <summary>The subject's BUILT_BY then BUILT_FROM edges, one per target, in edge order (as the provenance query reads them).</summary>
    private static List<RelationshipModel> Statements(IResolveFieldContext<BuiltSubject> context)
    {
        var index = context.Request().Index;
        var subject = NodeRefs.Model(index, context.Source.Node);
        var edges = index.Outgoing(subject.Id);
        var result = new List<RelationshipModel>();
        foreach (var kind in new[] { EdgeKind.BuiltBy, EdgeKind.BuiltFrom })
        {
            var seen = new HashSet<int>();
            for (var i = 0; i < edges.Count; i++)
            {
                if (edges.Kind(i) == kind && seen.Add(edges.Target(i)))
                {
                    result.Add(new RelationshipModel(kind, subject, new NodeModel(index, edges.Target(i))));
                }
            }
        }

        return result;
    }
}

internal sealed class AttestationType : ObjectGraphType<Attestation>
{
    public AttestationType()
    {
        Name = "Attestation";
        Description = "A document asserting how something was built, with its signature verdict.";
        Field<NonNullGraphType<DocumentType>>("document").Resolve(c => new NodeModel(c.Request().Index, c.Source.Document));
        Field<StringGraphType>("predicateType").ResolveSource(s => s.PredicateType);
        Field<StringGraphType>("buildType").ResolveSource(s => s.BuildType);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Description("Whether its signature verified against a configured key or Sigstore root.").ResolveSource(s => s.Verified);
        Field<StringGraphType>("keyid").Description("The trusted key id or certificate identity that verified it.").ResolveSource(s => s.KeyId);
        Field<StringGraphType>("reason").Description("The verdict in words (why it is not verified, or how it was).").ResolveSource(s => s.Reason);
    }
}
