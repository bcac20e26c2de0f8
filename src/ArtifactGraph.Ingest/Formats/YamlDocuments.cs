using System.Text;
using System.Text.Json;
using ArtifactGraph.Ingest.Formats.Spdx2;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>
/// A YAML stream (one or more <c>---</c> documents) as JSON elements, so YAML and JSON readers share one parser.
/// Reuses the SPDX reader's bounded YAML → JSON conversion (alias bombs, depth and node limits) and turns a
/// parser's JSON-pointer rejection into <c>line N (/pointer)</c>.
/// </summary>
internal static class YamlDocuments
{
    public static IEnumerable<(JsonElement Root, Func<string, string> Locate)> Read(ReadOnlyMemory<byte> content)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(Decode(content)));
        }
        catch (YamlException ex)
        {
            throw new DocumentRejectedException($"line {ex.Start.Line}, column {ex.Start.Column}", "malformed YAML: " + ex.Message, ex);
        }

        foreach (var document in stream.Documents)
        {
            var (json, tree) = Spdx2YamlTree.Convert(document.RootNode);
            if (json is null)
            {
                continue; // an empty document between separators
            }

            using var parsed = JsonDocument.Parse(json.ToJsonString());
            yield return (parsed.RootElement.Clone(), tree.Locate);
        }
    }

    /// <summary>Runs a JSON parser over a YAML document, relocating its pointer rejections to YAML lines.</summary>
    public static T Locating<T>(Func<string, string> locate, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (DocumentRejectedException ex) when (ex.Location.StartsWith('/') || ex.Location.Length == 0)
        {
            throw new DocumentRejectedException(locate(ex.Location == "/" ? string.Empty : ex.Location), ex.Reason, ex);
        }
    }

    public static string Decode(ReadOnlyMemory<byte> content) =>
        new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(JsonSniffing.SkipBom(content.Span));

    /// <summary>Whether the text does not start like JSON or XML (a JSON document is also YAML; the JSON reader takes it).</summary>
    public static bool StartsLikeYaml(ReadOnlySpan<byte> content)
    {
        var trimmed = JsonSniffing.SkipBom(content).TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] is not ((byte)'{' or (byte)'[' or (byte)'<');
    }

    /// <summary>The unindented <c>key: value</c> lines of the first 64 KB (values unquoted), for sniffing.</summary>
    public static IEnumerable<(string Key, string Value)> TopLevelLines(ReadOnlySpan<byte> content)
    {
        content = JsonSniffing.SkipBom(content);
        var prefix = content.Length > 64 * 1024 ? content[..(64 * 1024)] : content;
        var lines = new List<(string, string)>();
        foreach (var raw in Encoding.UTF8.GetString(prefix).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[0] is ' ' or '\t' or '#' or '-')
            {
                continue;
            }

            lines.Add((line[..colon].Trim().Trim('"', '\''), line[(colon + 1)..].Trim().Trim('"', '\'')));
        }

        return lines;
    }
}
