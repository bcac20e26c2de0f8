namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// A stored row's id and a hash of the last input (name and properties) merged into it. Merging the same input
/// again changes nothing: stored keys win over incoming ones and names are never cleared, so a row only gains.
/// That holds whatever other writers did to the row meanwhile, which is why a hit may skip the server.
/// </summary>
internal readonly record struct CachedRow(long Id, ulong Input);
