using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx2;

/// <summary>
/// Minimal, independent converters of the raw text syntaxes into the SPDX JSON shape, for
/// <see cref="Spdx2IndependentCount"/>: they know only the handful of tags the counts need.
/// </summary>
internal static class RawShapes
{
    public static JsonNode FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return Convert(stream.Documents[0].RootNode)!;

        static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
            YamlSequenceNode s => new JsonArray(s.Children.Select(Convert).ToArray()),
            YamlScalarNode v => v.Value is null or "null" or "~" ? null : JsonValue.Create(v.Value),
            _ => null,
        };
    }

    public static JsonNode FromTagValue(string text)
    {
        var root = new JsonObject { ["packages"] = new JsonArray(), ["files"] = new JsonArray(), ["relationships"] = new JsonArray() };
        JsonObject? element = null;
        JsonObject? package = null;
        var members = new List<(JsonObject Package, JsonObject File)>();
        var inText = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (inText)
            {
                inText = !line.Contains("</text>", StringComparison.Ordinal);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (tag, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            inText = value.StartsWith("<text>", StringComparison.Ordinal) && !value.Contains("</text>", StringComparison.Ordinal);
            switch (tag)
            {
                case "SPDXVersion": root["spdxVersion"] = value; break;
                case "SPDXID" when element is null: root["SPDXID"] = value; break;
                case "SPDXID": element["SPDXID"] = value; break;
                case "PackageName":
                    element = package = new JsonObject { ["name"] = value, ["externalRefs"] = new JsonArray(), ["checksums"] = new JsonArray() };
                    root["packages"]!.AsArray().Add(element);
                    break;
                case "PackageVersion": element!["versionInfo"] = value; break;
                case "PrimaryPackagePurpose": element!["primaryPackagePurpose"] = value; break;
                case "ExternalRef":
                    var parts = value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                    element!["externalRefs"]!.AsArray().Add(new JsonObject { ["referenceCategory"] = parts[0], ["referenceType"] = parts[1], ["referenceLocator"] = parts[2] });
                    break;
                case "FileName":
                    element = new JsonObject { ["fileName"] = value, ["checksums"] = new JsonArray() };
                    root["files"]!.AsArray().Add(element);
                    if (package is not null)
                    {
                        members.Add((package, element));
                    }

                    break;
                case "PackageChecksum" or "FileChecksum":
                    var c = value.IndexOf(':', StringComparison.Ordinal);
                    element!["checksums"]!.AsArray().Add(new JsonObject { ["algorithm"] = value[..c].Trim(), ["checksumValue"] = value[(c + 1)..].Trim() });
                    break;
                case "Relationship":
                    var r = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    root["relationships"]!.AsArray().Add(new JsonObject { ["spdxElementId"] = r[0], ["relationshipType"] = r[1], ["relatedSpdxElement"] = r[2] });
                    break;
            }
        }

        // Files written after a package belong to it; their SPDXID line comes after FileName, so resolve at the end.
        foreach (var group in members.GroupBy(m => m.Package))
        {
            group.Key["hasFiles"] = new JsonArray(group.Select(m => (JsonNode?)JsonValue.Create((string?)m.File["SPDXID"])).ToArray());
        }

        return root;
    }
}
