using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// One very large CycloneDX 1.5 JSON SBOM, written straight to a file (never held in memory): a container
/// subject and N npm components, each with purl, SHA-256 hash, licence id and a description, and three
/// <c>dependsOn</c> each — the shape of the "250 MB SBOM" of DESIGN.md §8 (about 534 bytes per component).
/// </summary>
internal static class LargeSbom
{
    public const int BytesPerComponent = 534;

    private const string Description = "A generated package used to measure ingest of very large documents, with a description long enough to be realistic.";

    public static void Write(string path, int components)
    {
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file);
        json.WriteStartObject();
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", "1.5");
        json.WriteString("serialNumber", "urn:uuid:00000000-0000-0000-0000-000000000001");
        json.WriteNumber("version", 1);
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", "2026-01-01T00:00:00Z");
        json.WriteStartObject("component");
        json.WriteString("bom-ref", "root");
        json.WriteString("type", "container");
        json.WriteString("name", "registry.example.com/big:1");
        json.WriteString("version", "sha256:" + new string('b', 64));
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("components");
        for (var i = 0; i < components; i++)
        {
            var purl = Purl(i);
            json.WriteStartObject();
            json.WriteString("bom-ref", purl);
            json.WriteString("type", "library");
            json.WriteString("name", $"pkg-{i}");
            json.WriteString("version", $"1.{i % 7}.{i % 13}");
            json.WriteString("purl", purl);
            json.WriteString("description", Description);
            json.WriteStartArray("hashes");
            json.WriteStartObject();
            json.WriteString("alg", "SHA-256");
            json.WriteString("content", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(purl))));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("licenses");
            json.WriteStartObject();
            json.WriteStartObject("license");
            json.WriteString("id", "MIT");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            FlushSometimes(json, i);
        }

        json.WriteEndArray();
        json.WriteStartArray("dependencies");
        json.WriteStartObject();
        json.WriteString("ref", "root");
        json.WriteStartArray("dependsOn");
        json.WriteStringValue(Purl(0));
        json.WriteEndArray();
        json.WriteEndObject();
        for (var i = 0; i < components; i++)
        {
            json.WriteStartObject();
            json.WriteString("ref", Purl(i));
            json.WriteStartArray("dependsOn");
            for (var j = i + 1; j <= i + 3 && j < components; j++)
            {
                json.WriteStringValue(Purl(j));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            FlushSometimes(json, i);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Purl(int i) => $"pkg:npm/pkg-{i}@1.{i % 7}.{i % 13}";

    // Utf8JsonWriter buffers until flushed; flushing every thousand items keeps the generator's memory flat.
    private static void FlushSometimes(Utf8JsonWriter json, int i)
    {
        if (i % 1000 == 999)
        {
            json.Flush();
        }
    }
}
