using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.InToto;

/// <summary>
/// Reads unsigned in-toto Statements (one JSON object, or JSON lines of them) and bare SLSA provenance
/// predicates. A bare predicate does not say what it describes: it is rejected unless the caller supplies
/// the subject's digest as <c>DocumentInput.Hints["subject"]</c> (<c>sha256:…</c>).
/// </summary>
internal sealed class InTotoStatementReader : IDocumentReader
{
    public const string SubjectHint = "subject";

    public string Format => "in-toto";

    public bool CanRead(DocumentInput input) => JsonTopLevel.Sniff(input.Content.Span, members =>
        (members.TryGetValue("_type", out var type) && type is not null && type.StartsWith(InTotoStatement.StatementPrefix, StringComparison.Ordinal))
        || IsBarePredicate(members.ContainsKey));

    public IngestBatch Read(DocumentInput input) => ReaderGuard.Run("in-toto Statement", () =>
    {
        var document = new AttestationDocument(input);
        var values = JsonLines.Parse(input.Content);
        try
        {
            foreach (var (json, pointer) in values)
            {
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("_type", out _) && IsBarePredicate(root.TryGetProperty))
                {
                    MapBarePredicate(root, pointer, document);
                }
                else
                {
                    InTotoStatement.Map(root, pointer, document);
                }
            }
        }
        finally
        {
            values.ForEach(v => v.Document.Dispose());
        }

        return document.Build(Format, document.Properties.GetValueOrDefault("intoto:statementType"));
    });

    private static bool IsBarePredicate(Func<string, bool> has) =>
        !has("_type") && ((has("buildDefinition") && has("runDetails")) || (has("builder") && (has("buildType") || has("materials") || has("invocation") || has("recipe"))));

    private static bool IsBarePredicate(TryGet tryGet) => IsBarePredicate(name => tryGet(name, out _));

    private static void MapBarePredicate(JsonElement predicate, string pointer, AttestationDocument document)
    {
        var version = SlsaProvenance.VersionOfShape(predicate)!;
        if (!document.Input.Hints.TryGetValue(SubjectHint, out var hint))
        {
            throw new DocumentRejectedException(pointer.Length == 0 ? "/" : pointer, $"a bare SLSA provenance {version} predicate (no in-toto Statement around it) does not say which artifact it describes: wrap it in a Statement, or supply the subject's digest (hint \"subject\", e.g. sha256:…)");
        }

        if (!Digest.TryParse(hint, out var digest, out var error))
        {
            throw new DocumentRejectedException("hint subject", $"the subject hint '{hint}' is not a digest: {error}");
        }

        var subject = document.Builder.AddNode(new NodeRef(NodeKind.Artifact, digest.ToString()));
        document.Builder.Warn(pointer.Length == 0 ? "/" : pointer, $"bare SLSA provenance {version} predicate: subject {digest} taken from the caller's hint, not from the document");
        document.Statements++;
        document.Subject ??= subject;
        document.Property("intoto:predicateType", "https://slsa.dev/provenance/" + version);
        SlsaProvenance.Map(predicate, version, pointer, [subject], document);
    }

    private delegate bool TryGet(string name, out JsonElement value);
}
