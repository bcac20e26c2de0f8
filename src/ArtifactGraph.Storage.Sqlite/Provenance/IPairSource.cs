namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>(row id, document id) pairs in (row, document) order, distinct: what <see cref="BlockWriter"/> writes.</summary>
internal interface IPairSource
{
    /// <summary>The next pair, or false once there are none.</summary>
    bool TryNext(out long rowId, out long documentId);
}
