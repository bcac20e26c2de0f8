using ArtifactGraph.Core.Queries;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

internal sealed class SourceProvenanceType : ObjectGraphType<SourceProvenance>
{
    public SourceProvenanceType()
    {
        Name = "SourceProvenance";
        Description = "A source repository, at a revision when known, and the Scorecard that best describes it.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => NodeRefs.Model(c.Request().Index, c.Source.Node));
        Field<NonNullGraphType<StringGraphType>>("repository").ResolveSource(s => s.Repository);
        Field<StringGraphType>("revision").ResolveSource(s => s.Revision);
        Field<StringGraphType>("ref").Description("The git ref the build named, e.g. refs/tags/v1.4.2.").ResolveSource(s => s.Ref);
        Field<ScorecardSummaryType>("scorecard").Description("Null when no Scorecard is known for the repository.").ResolveSource(s => s.Scorecard);
    }
}

internal sealed class ScorecardSummaryType : ObjectGraphType<ScorecardSummary>
{
    public ScorecardSummaryType()
    {
        Name = "ScorecardSummary";
        Description = "An OpenSSF Scorecard result for a source: its aggregate and the checks below 10.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => NodeRefs.Model(c.Request().Index, c.Source.Node));
        Field<NonNullGraphType<StringGraphType>>("basis").Description("`commit`: the result for exactly this revision; `repository-latest`: the repository's most recent result.").ResolveSource(s => s.Basis);
        Field<FloatGraphType>("score").Description("Null for the probe format (no aggregate).").ResolveSource(s => s.Score);
        Field<StringGraphType>("date").ResolveSource(s => s.Date);
        Field<StringGraphType>("commit").ResolveSource(s => s.Commit);
        Field<StringGraphType>("version").Description("The Scorecard version that produced it.").ResolveSource(s => s.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScorecardCheckType>>>>("failingChecks").Description("Checks below 10 (-1: inconclusive), lowest first.").ResolveSource(s => s.FailingChecks);
    }
}

internal sealed class ScorecardCheckType : ObjectGraphType<ScorecardCheck>
{
    public ScorecardCheckType()
    {
        Name = "ScorecardCheck";
        Field<NonNullGraphType<StringGraphType>>("name").ResolveSource(s => s.Name);
        Field<NonNullGraphType<FloatGraphType>>("score").ResolveSource(s => s.Score);
        Field<StringGraphType>("reason").ResolveSource(s => s.Reason);
    }
}

internal sealed class PackageSourcesType : ObjectGraphType<PackageSources>
{
    public PackageSourcesType()
    {
        Name = "PackageSources";
        Description = "A package version and the sources it says it came from (SOURCE_AT).";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => NodeRefs.Model(c.Request().Index, c.Source.Package));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceProvenanceType>>>>("sources").ResolveSource(s => s.Sources);
    }
}
