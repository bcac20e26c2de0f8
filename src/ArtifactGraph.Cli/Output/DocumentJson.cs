using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Cli.Output;

/// <summary>
/// A document as provenance: <c>{"sha256","format","name","ingestedAt","effectiveAt","current"}</c>;
/// <c>current</c> is false when a newer document about the same subject superseded it.
/// </summary>
internal static class DocumentJson
{
    public static void Write(Utf8JsonWriter json, DocumentSummary document)
    {
        json.WriteStartObject();
        json.WriteString("sha256", document.Sha256);
        json.WriteString("format", document.Format);
        json.WriteString("name", document.Name);
        json.WriteString("ingestedAt", document.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("effectiveAt", document.EffectiveAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteBoolean("current", document.IsCurrent);
        json.WriteEndObject();
    }
}
