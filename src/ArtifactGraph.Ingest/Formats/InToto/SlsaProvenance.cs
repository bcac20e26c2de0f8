using System.Text.Json;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Ingest.Formats.InToto;

/// <summary>
/// SLSA provenance v0.1, v0.2 and v1 (graph-schema/ontology.md, "in-toto and SLSA"): every subject
/// -BUILT_BY-> the builder, -BUILT_FROM-> each material (a git material is the Source at its revision);
/// build type, entry point, parameters and timing kept as <c>slsa:*</c> Document properties.
/// A missing builder id is warned about (no BUILT_BY), not rejected: the materials still say something.
/// </summary>
internal static class SlsaProvenance
{
    public static string? VersionOf(string predicateType) => predicateType switch
    {
        "https://slsa.dev/provenance/v0.1" => "v0.1",
        "https://slsa.dev/provenance/v0.2" => "v0.2",
        "https://slsa.dev/provenance/v1" or "https://slsa.dev/provenance/v1?draft" => "v1",
        _ => null,
    };

    /// <summary>Guesses a bare predicate's version from its shape: v1 has buildDefinition, v0.2 buildType/invocation, v0.1 recipe.</summary>
    public static string? VersionOfShape(JsonElement predicate) =>
        predicate.ValueKind != JsonValueKind.Object ? null
        : predicate.TryGetProperty("buildDefinition", out _) || predicate.TryGetProperty("runDetails", out _) ? "v1"
        : predicate.TryGetProperty("recipe", out _) ? "v0.1"
        : predicate.TryGetProperty("builder", out _) || predicate.TryGetProperty("buildType", out _) || predicate.TryGetProperty("materials", out _) ? "v0.2"
        : null;

    public static void Map(JsonElement predicate, string version, string pointer, IReadOnlyList<NodeRef> subjects, AttestationDocument document)
    {
        document.Property("slsa:version", version);
        var (builderId, builderPointer, materials, materialsPointer) = version == "v1"
            ? ReadV1(predicate, pointer, document)
            : ReadV0(predicate, version, pointer, document);

        var builder = document.Builder;
        if (builderId is null)
        {
            builder.Warn(builderPointer, "no builder id: the subjects get no BUILT_BY edge");
        }
        else
        {
            document.Property("slsa:builder", builderId);
            var node = builder.AddNode(new NodeRef(NodeKind.Builder, builderId), builderId);
            foreach (var subject in subjects)
            {
                builder.AddEdge(EdgeKind.BuiltBy, subject, node);
            }
        }

        if (materials is not { } list)
        {
            return;
        }

        var i = 0;
        foreach (var material in list.EnumerateArray())
        {
            if (ResourceDescriptors.MapMaterial(material, $"{materialsPointer}/{i++}", document) is not { } node)
            {
                continue;
            }

            foreach (var subject in subjects.Where(s => s != node))
            {
                builder.AddEdge(EdgeKind.BuiltFrom, subject, node);
            }
        }

        document.Property("slsa:materials", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (string? Builder, string BuilderPointer, JsonElement? Materials, string MaterialsPointer) ReadV0(JsonElement predicate, string version, string pointer, AttestationDocument document)
    {
        var builderObject = JsonValues.OptionalObject(predicate, "builder", pointer);
        var builderPointer = JsonPointers.Child(pointer, "builder");
        var builderId = builderObject is { } b ? JsonValues.OptionalString(b, "id", builderPointer) : null;
        if (version == "v0.1" && JsonValues.OptionalObject(predicate, "recipe", pointer) is { } recipe)
        {
            var at = JsonPointers.Child(pointer, "recipe");
            document.Property("slsa:buildType", JsonValues.OptionalString(recipe, "type", at));
            document.Property("slsa:entryPoint", JsonValues.OptionalString(recipe, "entryPoint", at));
            document.Property("slsa:invocation:parameters", JsonValues.Compact(JsonValues.OptionalObject(recipe, "arguments", at)));
            document.Property("slsa:invocation:environment", JsonValues.Compact(JsonValues.OptionalObject(recipe, "environment", at)));
        }

        document.Property("slsa:buildType", JsonValues.OptionalString(predicate, "buildType", pointer));
        if (JsonValues.OptionalObject(predicate, "invocation", pointer) is { } invocation)
        {
            var at = JsonPointers.Child(pointer, "invocation");
            if (JsonValues.OptionalObject(invocation, "configSource", at) is { } config)
            {
                var configAt = JsonPointers.Child(at, "configSource");
                var uri = JsonValues.OptionalString(config, "uri", configAt);
                var digest = DigestSets.ReadRaw(JsonValues.OptionalObject(config, "digest", configAt), JsonPointers.Child(configAt, "digest"), document);
                document.Property("slsa:configSource", uri is null ? null : digest.Count == 0 ? uri : $"{uri} ({string.Join(", ", digest.Select(d => d.Algorithm + ":" + d.Value))})");
                document.Property("slsa:entryPoint", JsonValues.OptionalString(config, "entryPoint", configAt));
            }

            document.Property("slsa:invocation:parameters", JsonValues.Compact(invocation.TryGetProperty("parameters", out var p) ? p : null));
            document.Property("slsa:invocation:environment", JsonValues.Compact(invocation.TryGetProperty("environment", out var e) ? e : null));
        }

        document.Property("slsa:buildConfig", JsonValues.Compact(predicate.TryGetProperty("buildConfig", out var buildConfig) ? buildConfig : null));
        if (JsonValues.OptionalObject(predicate, "metadata", pointer) is { } metadata)
        {
            var at = JsonPointers.Child(pointer, "metadata");
            document.Property("slsa:invocationId", JsonValues.OptionalString(metadata, "buildInvocationID", at) ?? JsonValues.OptionalString(metadata, "buildInvocationId", at));
            var started = JsonValues.OptionalTime(metadata, "buildStartedOn", at, document);
            var finished = JsonValues.OptionalTime(metadata, "buildFinishedOn", at, document);
            Timing(document, started, finished);
        }

        return (builderId, builderPointer, JsonValues.OptionalArray(predicate, "materials", pointer), JsonPointers.Child(pointer, "materials"));
    }

    private static (string? Builder, string BuilderPointer, JsonElement? Materials, string MaterialsPointer) ReadV1(JsonElement predicate, string pointer, AttestationDocument document)
    {
        var definitionPointer = JsonPointers.Child(pointer, "buildDefinition");
        var definition = JsonValues.OptionalObject(predicate, "buildDefinition", pointer);
        JsonElement? dependencies = null;
        if (definition is { } d)
        {
            document.Property("slsa:buildType", JsonValues.OptionalString(d, "buildType", definitionPointer));
            document.Property("slsa:externalParameters", JsonValues.Compact(d.TryGetProperty("externalParameters", out var external) ? external : null));
            document.Property("slsa:internalParameters", JsonValues.Compact(d.TryGetProperty("internalParameters", out var internalParameters) ? internalParameters : null));

            // v1?draft called internalParameters systemParameters.
            document.Property("slsa:internalParameters", JsonValues.Compact(d.TryGetProperty("systemParameters", out var system) ? system : null));
            dependencies = JsonValues.OptionalArray(d, "resolvedDependencies", definitionPointer);
        }
        else
        {
            document.Builder.Warn(definitionPointer, "no buildDefinition: build type and materials unknown");
        }

        var runPointer = JsonPointers.Child(pointer, "runDetails");
        var builderPointer = JsonPointers.Child(runPointer, "builder");
        string? builderId = null;
        if (JsonValues.OptionalObject(predicate, "runDetails", pointer) is { } run)
        {
            if (JsonValues.OptionalObject(run, "builder", runPointer) is { } builder)
            {
                builderId = JsonValues.OptionalString(builder, "id", builderPointer);
                document.Property("slsa:builderVersion", JsonValues.Compact(builder.TryGetProperty("version", out var version) ? version : null));
            }

            if (JsonValues.OptionalObject(run, "metadata", runPointer) is { } metadata)
            {
                var at = JsonPointers.Child(runPointer, "metadata");
                document.Property("slsa:invocationId", JsonValues.OptionalString(metadata, "invocationId", at));
                Timing(document, JsonValues.OptionalTime(metadata, "startedOn", at, document), JsonValues.OptionalTime(metadata, "finishedOn", at, document));
            }
        }

        return (builderId, builderPointer, dependencies, JsonPointers.Child(definitionPointer, "resolvedDependencies"));
    }

    private static void Timing(AttestationDocument document, DateTimeOffset? started, DateTimeOffset? finished)
    {
        document.Property("slsa:startedOn", started?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        document.Property("slsa:finishedOn", finished?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        // The build's end is when the provenance came to be: it orders documents about one artifact.
        document.CreatedAt ??= finished ?? started;
    }
}
