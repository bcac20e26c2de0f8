using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Ingest.Formats.InToto;

/// <summary>
/// What the attestation readers (in-toto, DSSE, Sigstore, npm) build up while reading one document,
/// which may hold several statements (JSON lines, npm bundles): the graph, the Document's properties
/// (first value wins), its subject (the first statement's first subject) and each envelope's trust outcome.
/// </summary>
internal sealed class AttestationDocument
{
    private readonly List<(string Where, TrustOutcome Outcome)> _trust = [];

    public AttestationDocument(DocumentInput input)
    {
        Input = input;
        Builder = input.NewBuilder();
    }

    public DocumentInput Input { get; }

    public IngestBatchBuilder Builder { get; }

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public NodeRef? Subject { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public int Statements { get; set; }

    public void Property(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Properties.TryAdd(key, value);
        }
    }

    public void RecordTrust(string where, TrustOutcome outcome) => _trust.Add((where, outcome));

    public IngestBatch Build(string format, string? specVersion)
    {
        if (_trust.Count == 0)
        {
            Properties["trust:verified"] = "false";
            Properties["trust:reason"] = "unsigned: the document carries no signature";
        }
        else
        {
            Properties["trust:verified"] = _trust.All(t => t.Outcome.Verified) ? "true" : "false";
            var keys = _trust.Where(t => t.Outcome.KeyId is not null).Select(t => t.Outcome.KeyId!).Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count > 0)
            {
                Properties["trust:keyid"] = string.Join(", ", keys);
            }

            Properties["trust:reason"] = _trust.Count == 1
                ? _trust[0].Outcome.Reason
                : string.Join("; ", _trust.Select(t => $"{t.Where}: {t.Outcome.Reason}"));
        }

        Property("intoto:statements", Statements.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Builder.Build(new DocumentInfo
        {
            Sha256 = Input.Sha256,
            Format = format,
            SpecVersion = specVersion,
            Name = Input.Name,
            Subject = Subject,
            CreatedAt = CreatedAt,
            Properties = Properties,
        });
    }
}
