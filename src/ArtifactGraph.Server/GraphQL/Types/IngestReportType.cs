using ArtifactGraph.Ingest.Pipeline;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>The CLI's <c>ingest --json</c> report, field for field.</summary>
internal sealed class IngestReportType : ObjectGraphType<IReadOnlyList<IngestReport>>
{
    public IngestReportType()
    {
        Name = "IngestReport";
        Description = "The outcome of an ingest, the same as `artifactgraph ingest --json`.";
        Field<NonNullGraphType<IngestCountsType>>("documents").Resolve(c => c.Source);
        Field<NonNullGraphType<IntGraphType>>("nodesAdded").Resolve(c => c.Source.Sum(r => r.NodesAdded));
        Field<NonNullGraphType<IntGraphType>>("edgesAdded").Resolve(c => c.Source.Sum(r => r.EdgesAdded));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestFileType>>>>("files").Resolve(c => c.Source);
    }
}

internal sealed class IngestCountsType : ObjectGraphType<IReadOnlyList<IngestReport>>
{
    public IngestCountsType()
    {
        Name = "IngestCounts";
        Field<NonNullGraphType<IntGraphType>>("ingested").Resolve(c => c.Source.Count(r => r.Outcome == IngestOutcome.Ingested));
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(c => c.Source.Count(r => r.Outcome == IngestOutcome.Unchanged));
        Field<NonNullGraphType<IntGraphType>>("rejected").Resolve(c => c.Source.Count(r => r.Outcome == IngestOutcome.Rejected));
    }
}

internal sealed class IngestFileType : ObjectGraphType<IngestReport>
{
    public IngestFileType()
    {
        Name = "IngestFile";
        Description = "One document's outcome; location and reason are set only when it was rejected.";
        Field<NonNullGraphType<StringGraphType>>("source").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("outcome").Description("ingested, unchanged or rejected.").Resolve(c => IngestReportJson.OutcomeName(c.Source.Outcome));
        Field<StringGraphType>("format").Resolve(c => c.Source.Format);
        Field<StringGraphType>("sha256").Resolve(c => c.Source.Sha256);
        Field<IntGraphType>("components").Resolve(c => Accepted(c.Source) ? c.Source.Components : null);
        Field<IntGraphType>("nodesAdded").Resolve(c => Accepted(c.Source) ? c.Source.NodesAdded : null);
        Field<IntGraphType>("edgesAdded").Resolve(c => Accepted(c.Source) ? c.Source.EdgesAdded : null);
        Field<ListGraphType<NonNullGraphType<IngestWarningType>>>("warnings").Resolve(c => Accepted(c.Source) ? c.Source.Warnings : null);
        Field<StringGraphType>("location").Resolve(c => c.Source.Location);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
    }

    private static bool Accepted(IngestReport report) => report.Outcome != IngestOutcome.Rejected;
}

internal sealed class IngestWarningType : ObjectGraphType<Core.Ingestion.IngestWarning>
{
    public IngestWarningType()
    {
        Name = "IngestWarning";
        Field<NonNullGraphType<StringGraphType>>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}
