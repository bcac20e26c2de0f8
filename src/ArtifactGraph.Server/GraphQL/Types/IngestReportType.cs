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
        Field<NonNullGraphType<IngestCountsType>>("documents").ResolveSource(s => s);
        Field<NonNullGraphType<IntGraphType>>("nodesAdded").ResolveSource(s => s.Sum(r => r.NodesAdded));
        Field<NonNullGraphType<IntGraphType>>("edgesAdded").ResolveSource(s => s.Sum(r => r.EdgesAdded));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IngestFileType>>>>("files").ResolveSource(s => s);
    }
}

internal sealed class IngestCountsType : ObjectGraphType<IReadOnlyList<IngestReport>>
{
    public IngestCountsType()
    {
        Name = "IngestCounts";
        Field<NonNullGraphType<IntGraphType>>("ingested").ResolveSource(s => s.Count(r => r.Outcome == IngestOutcome.Ingested));
        Field<NonNullGraphType<IntGraphType>>("unchanged").ResolveSource(s => s.Count(r => r.Outcome == IngestOutcome.Unchanged));
        Field<NonNullGraphType<IntGraphType>>("rejected").ResolveSource(s => s.Count(r => r.Outcome == IngestOutcome.Rejected));
    }
}

internal sealed class IngestFileType : ObjectGraphType<IngestReport>
{
    public IngestFileType()
    {
        Name = "IngestFile";
        Description = "One document's outcome; location and reason are set only when it was rejected.";
        Field<NonNullGraphType<StringGraphType>>("source").ResolveSource(s => s.Source);
        Field<NonNullGraphType<StringGraphType>>("outcome").Description("ingested, unchanged or rejected.").ResolveSource(s => IngestReportJson.OutcomeName(s.Outcome));
        Field<StringGraphType>("format").ResolveSource(s => s.Format);
        Field<StringGraphType>("sha256").ResolveSource(s => s.Sha256);
        Field<IntGraphType>("components").ResolveSource(s => Accepted(s) ? s.Components : null);
        Field<IntGraphType>("nodesAdded").ResolveSource(s => Accepted(s) ? s.NodesAdded : null);
        Field<IntGraphType>("edgesAdded").ResolveSource(s => Accepted(s) ? s.EdgesAdded : null);
        Field<ListGraphType<NonNullGraphType<IngestWarningType>>>("warnings").ResolveSource(s => Accepted(s) ? s.Warnings : null);
        Field<StringGraphType>("location").ResolveSource(s => s.Location);
        Field<StringGraphType>("reason").ResolveSource(s => s.Reason);
    }

    private static bool Accepted(IngestReport report) => report.Outcome != IngestOutcome.Rejected;
}

internal sealed class IngestWarningType : ObjectGraphType<Core.Ingestion.IngestWarning>
{
    public IngestWarningType()
    {
        Name = "IngestWarning";
        Field<NonNullGraphType<StringGraphType>>("location").ResolveSource(s => s.Location);
        Field<NonNullGraphType<StringGraphType>>("message").ResolveSource(s => s.Message);
    }
}
