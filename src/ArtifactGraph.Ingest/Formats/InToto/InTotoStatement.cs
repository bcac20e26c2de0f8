using System.Text.Json;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.InToto;

/// <summary>
/// Maps one in-toto Statement (v0.1, v1, v1?draft) into the document: subjects → nodes, the predicate type
/// recorded, and known predicates (SLSA provenance v0.1/v0.2/v1) mapped. Any other predicate is kept as the
/// document only: its subjects are still nodes the Document describes.
/// </summary>
internal static class InTotoStatement
{
    public const string StatementPrefix = "https://in-toto.io/Statement/";

    public static IReadOnlyList<NodeRef> Map(JsonElement statement, string pointer, AttestationDocument document)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType(pointer, "an in-toto Statement object", statement.ValueKind);
        }

        var type = JsonValues.RequiredString(statement, "_type", pointer);
        if (!type.StartsWith(StatementPrefix, StringComparison.Ordinal))
        {
            throw new DocumentRejectedException(JsonPointers.Child(pointer, "_type"), $"'{type}' is not an in-toto Statement type ({StatementPrefix}v0.1 or v1)");
        }

        var predicateType = JsonValues.OptionalString(statement, "predicateType", pointer);
        if (predicateType is null)
        {
            document.Builder.Warn(JsonPointers.Child(pointer, "predicateType"), "no predicateType: the predicate is kept as the document only");
        }

        var subjects = JsonValues.OptionalArray(statement, "subject", pointer)
            ?? throw new DocumentRejectedException(JsonPointers.Child(pointer, "subject"), "a Statement needs a subject array");
        if (subjects.GetArrayLength() == 0)
        {
            throw new DocumentRejectedException(JsonPointers.Child(pointer, "subject"), "a Statement needs at least one subject");
        }

        var nodes = new List<NodeRef>();
        var i = 0;
        foreach (var subject in subjects.EnumerateArray())
        {
            nodes.Add(ResourceDescriptors.MapSubject(subject, $"{pointer}/subject/{i++}", document));
        }

        document.Statements++;
        document.Subject ??= nodes[0];
        document.Property("intoto:statementType", type);
        document.Property("intoto:predicateType", predicateType);
        var predicate = JsonValues.OptionalObject(statement, "predicate", pointer);
        if (predicateType is not null && predicate is { } body && SlsaProvenance.VersionOf(predicateType) is { } version)
        {
            SlsaProvenance.Map(body, version, JsonPointers.Child(pointer, "predicate"), nodes, document);
        }

        return nodes;
    }
}
