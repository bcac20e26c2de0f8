using System.Text.Json;
using System.Text.Json.Serialization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Core.Advisories;

/// <summary>The payload encoding of claims: camelCase JSON, enums as strings, stable for stored rows.</summary>
public static class ClaimJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static ClaimRecord Affected(string vulnerability, NodeRef package, AffectedClaim claim) =>
        new(ClaimKind.Affected, vulnerability, package, JsonSerializer.Serialize(claim, Options));

    public static ClaimRecord Vex(string vulnerability, NodeRef product, VexClaim claim) =>
        new(ClaimKind.Vex, vulnerability, product, JsonSerializer.Serialize(claim, Options));

    public static AffectedClaim ReadAffected(string payload) =>
        JsonSerializer.Deserialize<AffectedClaim>(payload, Options) ?? throw new JsonException("Empty affected claim payload.");

    public static VexClaim ReadVex(string payload) =>
        JsonSerializer.Deserialize<VexClaim>(payload, Options) ?? throw new JsonException("Empty VEX claim payload.");
}
