using System.Security.Cryptography.X509Certificates;

namespace ArtifactGraph.Ingest.Trust;

/// <summary>
/// The keys and certificate roots a signature may verify against. Built from a trust configuration
/// file (<see cref="TrustConfiguration.Load"/>, <c>artifactgraph ingest --trust FILE</c>); readers
/// get it through <see cref="DocumentInput.Trust"/>. Without one, every signature is "unverified".
/// </summary>
public sealed class TrustStore
{
    internal TrustStore(IReadOnlyList<TrustedKey> keys, IReadOnlyList<X509Certificate2> sigstoreRoots)
    {
        Keys = keys;
        SigstoreRoots = sigstoreRoots;
    }

    public static TrustStore Empty { get; } = new([], []);

    internal IReadOnlyList<TrustedKey> Keys { get; }

    /// <summary>CA certificates that Sigstore (Fulcio) certificate chains must lead to.</summary>
    internal IReadOnlyList<X509Certificate2> SigstoreRoots { get; }

    public int KeyCount => Keys.Count;

    public int RootCount => SigstoreRoots.Count;

    internal TrustedKey? Find(string keyId) =>
        Keys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
}

/// <summary>One configured key and the id signatures name it by.</summary>
internal sealed record TrustedKey(string KeyId, PublicKeyMaterial Key);
