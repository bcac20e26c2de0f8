using System.Security.Cryptography.X509Certificates;

namespace ArtifactGraph.Ingest.Trust;

/// <summary>
/// A DSSE envelope as signature checking needs it: the payload bytes as signed and each signature.
/// <see cref="Pointer"/> locates the envelope for rejections (<c>/dsseEnvelope</c>, <c>line 3</c>).
/// </summary>
internal sealed record SignedEnvelope(string Pointer, string PayloadType, byte[] Payload, IReadOnlyList<EnvelopeSignature> Signatures);

/// <summary>
/// One signature. <see cref="Certificate"/> is a certificate carried with it (a Sigstore bundle's
/// verification material, or the non-standard <c>cert</c> field some DSSE writers add);
/// <see cref="Chain"/> holds the other certificates offered to build its chain.
/// </summary>
internal sealed record EnvelopeSignature(int Index, string? KeyId, byte[] Signature, X509Certificate2? Certificate, IReadOnlyList<X509Certificate2> Chain);
