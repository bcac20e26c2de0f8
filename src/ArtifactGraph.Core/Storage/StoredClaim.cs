using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Core.Storage;

/// <summary>A claim as stored: the claim and the id of the document that made it.</summary>
public sealed record StoredClaim(long DocumentId, ClaimRecord Claim);
