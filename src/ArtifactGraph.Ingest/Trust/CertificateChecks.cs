using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace ArtifactGraph.Ingest.Trust;

/// <summary>
/// Offline certificate checks for Sigstore (Fulcio) certificates: the chain is built against the
/// configured roots only (no system store, no revocation, no network), at a time the bundle states —
/// the transparency log's integrated time when given, else the certificate's own notBefore, because a
/// reader has no clock and a Fulcio certificate lives ten minutes.
/// </summary>
internal static class CertificateChecks
{
    private const string SubjectAltNameOid = "2.5.29.17";

    public static (bool Ok, string Reason) VerifyChain(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> offered, IReadOnlyList<X509Certificate2> roots, DateTimeOffset? signedAt)
    {
        if (roots.Count == 0)
        {
            return (false, "not verified: no Sigstore trust root configured");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        foreach (var root in roots)
        {
            (root.SubjectName.RawData.AsSpan().SequenceEqual(root.IssuerName.RawData) ? chain.ChainPolicy.CustomTrustStore : chain.ChainPolicy.ExtraStore).Add(root);
        }

        chain.ChainPolicy.ExtraStore.AddRange(offered.ToArray());
        var at = signedAt ?? new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero).AddSeconds(1);
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        var when = signedAt is null ? "at the certificate's issuance (no log time in the bundle)" : $"at the log's integrated time {at:u}";
        if (chain.Build(leaf))
        {
            return (true, $"verified: its chain leads to a configured Sigstore root {when}");
        }

        var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        return (false, $"not verified: its chain does not lead to a configured Sigstore root {when} ({status})");
    }

    /// <summary>The certificate's identity: its SAN URI or e-mail (Fulcio puts the workflow or the signer there), else its subject.</summary>
    public static string Identity(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == SubjectAltNameOid);
        if (extension is not null)
        {
            try
            {
                var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
                while (names.HasData)
                {
                    var tag = names.PeekTag();
                    if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue is 1 or 6)
                    {
                        return names.ReadCharacterString(UniversalTagNumber.IA5String, tag);
                    }

                    names.ReadEncodedValue();
                }
            }
            catch (AsnContentException)
            {
                // A malformed SAN is not this code's to judge: fall back to the subject.
            }
        }

        return certificate.Subject;
    }
}
