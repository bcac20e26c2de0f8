using System.Security.Cryptography;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Ingest.Tests.Formats.Attestations;

/// <summary>Reads bytes the way the pipeline would: sniff among all readers, then read.</summary>
internal static class AttestationTestInput
{
    public static DocumentInput Of(byte[] bytes, string name = "doc.json", TrustStore? trust = null, IReadOnlyDictionary<string, string>? hints = null) =>
        new(name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)))
        {
            Trust = trust ?? TrustStore.Empty,
            Hints = hints ?? new Dictionary<string, string>(),
        };

    public static (IDocumentReader Reader, IngestBatch Batch) Read(byte[] bytes, TrustStore? trust = null, IReadOnlyDictionary<string, string>? hints = null)
    {
        var input = Of(bytes, trust: trust, hints: hints);
        var reader = new FormatSniffer(Readers.All).Detect(input);
        return (reader, reader.Read(input));
    }

    public static string Property(IngestBatch batch, string key) =>
        batch.Nodes.Single(n => n.Ref == batch.Document.NodeRef).Properties.GetValueOrDefault(key) ?? string.Empty;
}
