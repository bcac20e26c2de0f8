using System.Text;
using System.Text.Json;
using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Ingest.Tests.Trust;

/// <summary>Builds DSSE envelopes around a small SLSA v0.2 statement, signed by a <see cref="TestSigner"/>.</summary>
internal static class SignedFixtures
{
    public const string SubjectDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    public static string Statement(string builder = "https://builder.example/v1") =>
        $$$"""
        {"_type":"https://in-toto.io/Statement/v1","predicateType":"https://slsa.dev/provenance/v0.2",
         "subject":[{"name":"app","digest":{"sha256":"{{{SubjectDigest[7..]}}}"}}],
         "predicate":{"builder":{"id":"{{{builder}}}"},"buildType":"https://example/build@v1",
          "materials":[{"uri":"git+https://github.com/Example/App.git","digest":{"sha1":"2222222222222222222222222222222222222222"}}]}}
        """;

    public static byte[] Envelope(byte[] payload, byte[] signature, string? keyId, string payloadType = "application/vnd.in-toto+json")
    {
        var envelope = new Dictionary<string, object>
        {
            ["payloadType"] = payloadType,
            ["payload"] = Convert.ToBase64String(payload),
            ["signatures"] = new[] { keyId is null ? new Dictionary<string, string> { ["sig"] = Convert.ToBase64String(signature) } : new Dictionary<string, string> { ["keyid"] = keyId, ["sig"] = Convert.ToBase64String(signature) } },
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope);
    }

    public static byte[] Signed(TestSigner signer, string? keyId, string? statement = null)
    {
        var payload = Encoding.UTF8.GetBytes(statement ?? Statement());
        return Envelope(payload, signer.Sign(DssePae.Encode("application/vnd.in-toto+json", payload)), keyId);
    }

    public static TrustStore Trusting(params (string KeyId, TestSigner Signer)[] keys)
    {
        var entries = keys.Select(k => new Dictionary<string, string> { ["keyid"] = k.KeyId, ["publicKey"] = k.Signer.PublicPem });
        return TrustConfiguration.Parse(JsonSerializer.Serialize(new { keys = entries }), Path.GetTempPath());
    }
}
