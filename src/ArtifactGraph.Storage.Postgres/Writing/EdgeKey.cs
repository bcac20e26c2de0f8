namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>An edge's identity in the store: its kind and the ids of its ends (the edges table's UNIQUE key).</summary>
internal readonly record struct EdgeKey(int Kind, long From, long To);
