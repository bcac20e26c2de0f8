namespace ArtifactGraph.Core.Ingestion;

/// <summary>Something a reader normalized or kept under a fallback instead of rejecting the document.</summary>
public sealed record IngestWarning(string Location, string Message);
