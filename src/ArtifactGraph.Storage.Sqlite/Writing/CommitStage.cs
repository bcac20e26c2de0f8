namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>Points inside a commit where tests can inject a failure to prove the rollback.</summary>
internal enum CommitStage
{
    DocumentWritten,
    NodesWritten,
    EdgesWritten,
}
