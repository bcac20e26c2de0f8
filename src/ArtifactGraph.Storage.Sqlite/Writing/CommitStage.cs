namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>Points inside a commit where tests can inject a failure to prove the rollback.</summary>
internal enum CommitStage
{
    /// <summary>The transaction is open and the document known to be new; nothing is written yet.</summary>
    Begun,
    NodesWritten,
    EdgesWritten,

    /// <summary>The document's change row and row are written (in <c>Complete</c>), before its claims and provenance.</summary>
    DocumentWritten,
}
