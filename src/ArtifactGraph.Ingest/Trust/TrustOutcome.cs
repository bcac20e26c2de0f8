namespace ArtifactGraph.Ingest.Trust;

/// <summary>What signature checking concluded about one signed envelope or bundle.</summary>
internal sealed record TrustOutcome(bool Verified, string? KeyId, string Reason)
{
    public static TrustOutcome Unverified(string reason) => new(false, null, reason);
}
