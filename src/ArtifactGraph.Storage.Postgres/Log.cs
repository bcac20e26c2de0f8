using Microsoft.Extensions.Logging;

namespace ArtifactGraph.Storage.Postgres;

/// <summary>The store's log messages, source-generated so disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Opened PostgreSQL graph store on {Host}/{Database} schema {Schema}")]
    public static partial void Opened(ILogger logger, string? host, string? database, string schema);

    [LoggerMessage(3, LogLevel.Information, "Applied PostgreSQL migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(4, LogLevel.Debug, "Document {Sha256} is already stored as document {DocumentId}")]
    public static partial void AlreadyPresent(ILogger logger, string sha256, long documentId);

    [LoggerMessage(5, LogLevel.Debug, "Committed document {Sha256} as change {Sequence}: {NodesAdded} nodes and {EdgesAdded} edges added")]
    public static partial void Committed(ILogger logger, string sha256, long sequence, int nodesAdded, int edgesAdded);
}
