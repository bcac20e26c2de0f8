using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// Writes a plan as a CycloneDX 1.5 JSON SBOM the way container scanners do: a container subject whose
/// version is its sha256 digest, a flat component list (the base image as a container component, then
/// libraries with purl, SHA-256 hash and licence) and a <c>dependencies</c> section.
/// </summary>
internal static class SbomWriter
{
    private const string SubjectRef = "subject";
    private const string BaseRef = "base-image";

    // Tools write '&' in purl qualifiers as is; the default encoder would write \u0026.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static long Write(Universe universe, ImagePlan plan, string directory)
    {
        var path = Path.Combine(directory, plan.FileName);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            Write(json, universe, plan);
        }

        return stream.Length;
    }

    public static void Write(Utf8JsonWriter json, Universe universe, ImagePlan plan)
    {
        json.WriteStartObject();
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", "1.5");
        json.WriteString("serialNumber", plan.SerialNumber);
        json.WriteNumber("version", 1);

        json.WriteStartObject("metadata");
        json.WriteString("timestamp", plan.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "artifactgraph-bench");
        json.WriteString("version", "1.0.0");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        WriteContainer(json, SubjectRef, plan.Name, plan.Digest, "component");
        json.WriteEndObject();

        json.WriteStartArray("components");
        if (plan.Base is { } baseImage)
        {
            WriteContainer(json, BaseRef, baseImage.Name, baseImage.Digest, null);
        }

        foreach (var version in plan.Components)
        {
            WriteLibrary(json, universe, version);
        }

        json.WriteEndArray();

        json.WriteStartArray("dependencies");
        json.WriteStartObject();
        json.WriteString("ref", SubjectRef);
        json.WriteStartArray("dependsOn");
        foreach (var root in plan.Roots)
        {
            json.WriteStringValue(universe.Purl(root));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        foreach (var version in plan.Components)
        {
            json.WriteStartObject();
            json.WriteString("ref", universe.Purl(version));
            json.WriteStartArray("dependsOn");
            foreach (var dep in plan.PresentDependencies(universe, version))
            {
                json.WriteStringValue(universe.Purl(dep));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteContainer(Utf8JsonWriter json, string bomRef, string name, string digest, string? property)
    {
        if (property is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(property);
        }

        json.WriteString("bom-ref", bomRef);
        json.WriteString("type", "container");
        json.WriteString("name", name);
        json.WriteString("version", digest);
        json.WriteEndObject();
    }

    private static void WriteLibrary(Utf8JsonWriter json, Universe universe, int version)
    {
        var package = universe.PackageOf[version];
        var purl = universe.Purl(version);
        json.WriteStartObject();
        json.WriteString("bom-ref", purl);
        json.WriteString("type", "library");
        if (universe.Group(package) is { } group)
        {
            json.WriteString("group", group);
        }

        json.WriteString("name", universe.Name(package));
        json.WriteString("version", universe.Version(version));
        json.WriteString("purl", purl);
        json.WriteStartArray("hashes");
        json.WriteStartObject();
        json.WriteString("alg", "SHA-256");
        json.WriteString("content", universe.Sha256(version));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("licenses");
        json.WriteStartObject();
        json.WriteStartObject("license");
        json.WriteString("id", universe.License(version));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
