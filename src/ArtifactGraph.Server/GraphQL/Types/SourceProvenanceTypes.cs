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
        Field<NonNullGraphType<StringGraphType>>("repository").Resolve(c => c.Source.Repository);
        Field<StringGraphType>("revision").Resolve(c => c.Source.Revision);
        Field<StringGraphType>("ref").Description("The git ref the build named, e.g. refs/tags/v1.4.2.").Resolve(c => c.Source.Ref);
        Field<ScorecardSummaryType>("scorecard").Description("Null when no Scorecard is known for the repository.").Resolve(c => c.Source.Scorecard);
    }
}

internal sealed class ScorecardSummaryType : ObjectGraphType<ScorecardSummary>
{
    public ScorecardSummaryType()
    {
        Name = "ScorecardSummary";
        Description = "An OpenSSF Scorecard result for a source: its aggregate and the checks below 10.";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => NodeRefs.Model(c.Request().Index, c.Source.Node));
        Field<NonNullGraphType<StringGraphType>>("basis").Description("`commit`: the result for exactly this revision; `repository-latest`: the repository's most recent result.").Resolve(c => c.Source.Basis);
        Field<FloatGraphType>("score").Description("Null for the probe format (no aggregate).").Resolve(c => c.Source.Score);
        Field<StringGraphType>("date").Resolve(c => c.Source.Date);
        Field<StringGraphType>("commit").Resolve(c => c.Source.Commit);
        Field<StringGraphType>("version").Description("The Scorecard version that produced it.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScorecardCheckType>>>>("failingChecks").Description("Checks below 10 (-1: inconclusive), lowest first.").Resolve(c => c.Source.FailingChecks);
    }
}

internal sealed class ScorecardCheckType : ObjectGraphType<ScorecardCheck>
{
    public ScorecardCheckType()
    {
        Name = "ScorecardCheck";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(c => c.Source.Score);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
    }
}

internal sealed class PackageSourcesType : ObjectGraphType<PackageSources>
{
    public PackageSourcesType()
    {
        Name = "PackageSources";
        Description = "A package version and the sources it says it came from (SOURCE_AT).";
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(c => NodeRefs.Model(c.Request().Index, c.Source.Package));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceProvenanceType>>>>("sources").Resolve(c => c.Source.Sources);
    }
}
