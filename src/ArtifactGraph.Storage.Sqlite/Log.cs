using Microsoft.Extensions.Logging;

namespace ArtifactGraph.Storage.Sqlite;

/// <summary>The store's log messages, source-generated so disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Opened SQLite graph store {Path}")]
    public static partial void Opened(ILogger logger, string path);

    [LoggerMessage(2, LogLevel.Warning, "SQLite database {Path} runs in journal mode {JournalMode}, not WAL")]
    public static partial void NotWal(ILogger logger, string path, string journalMode);

    [LoggerMessage(3, LogLevel.Information, "Applied SQLite migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(4, LogLevel.Debug, "Document {Sha256} is already stored as document {DocumentId}")]
    public static partial void AlreadyPresent(ILogger logger, string sha256, long documentId);

    [LoggerMessage(5, LogLevel.Debug, "Committed document {Sha256} as change {Sequence}: {NodesAdded} nodes and {EdgesAdded} edges added")]
    public static partial void Committed(ILogger logger, string sha256, long sequence, int nodesAdded, int edgesAdded);

    [LoggerMessage(6, LogLevel.Debug, "Merged the provenance of {Documents} staged documents ({Ids} ids)")]
    public static partial void ProvenanceMerged(ILogger logger, int documents, long ids);

    [LoggerMessage(7, LogLevel.Warning, "Merging staged provenance failed; the lists stay staged and the next merge retries")]
    public static partial void ProvenanceMergeFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Debug, "Merged {Nodes} staged nodes into the (kind, key) index")]
    public static partial void NodesMerged(ILogger logger, int nodes);

    [LoggerMessage(9, LogLevel.Warning, "Merging the staged nodes into the (kind, key) index failed; they stay staged and the next merge retries")]
    public static partial void NodeMergeFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Debug, "Checkpointed the write-ahead log in the background ({Frames} frames, {Milliseconds} ms); the writer copies the tail")]
    public static partial void Checkpointed(ILogger logger, long frames, long milliseconds);

    [LoggerMessage(11, LogLevel.Warning, "A background checkpoint of the write-ahead log failed; the next request retries")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "The background checkpoint thread stopped; the writer's own automatic checkpoint takes over")]
    public static partial void CheckpointThreadStopped(ILogger logger, Exception exception);
}
