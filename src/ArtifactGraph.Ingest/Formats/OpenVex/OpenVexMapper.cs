using System.Text.Json;
using System.Text.RegularExpressions;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.OpenVex;

/// <summary>
/// An OpenVEX document → one VEX claim per (statement, product), on the product's node (see
/// <see cref="OpenVexProducts"/>), with Vulnerability nodes and ALIAS_OF edges for 0.2.0 aliases. VEX
/// documents have no subject (they do not supersede one another by subject; the latest statement wins per
/// issuer at query time); the Document DESCRIBES each vulnerability it speaks about.
/// </summary>
internal static partial class OpenVexMapper
{
    private static readonly Dictionary<string, VexStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["not_affected"] = VexStatus.NotAffected,
        ["affected"] = VexStatus.Affected,
        ["fixed"] = VexStatus.Fixed,
        ["under_investigation"] = VexStatus.UnderInvestigation,
    };

    public static IngestBatch Map(JsonElement root, DocumentInput input, string format)
    {
        var builder = input.NewBuilder();
        var context = root.TryGetProperty("@context", out var ctx) && ctx.ValueKind == JsonValueKind.String ? ctx.GetString() : null;
        var name = JsonFields.String(root, "@id", string.Empty) is { Length: > 0 } id ? id : input.Name;
        var author = JsonFields.String(root, "author", string.Empty);
        var documentTime = JsonFields.Timestamp(root, "timestamp", string.Empty, builder.Warn);
        var issuer = string.IsNullOrWhiteSpace(author) ? name : author.Trim();
        var document = new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = format,
            SpecVersion = context is null ? null : VersionPattern().Match(context) is { Success: true } m ? m.Groups[1].Value : null,
            Name = name,
            CreatedAt = documentTime,
            Properties = Properties(root, author),
        };
        builder.AddNode(document.NodeRef);

        var statements = JsonFields.Array(root, "statements", string.Empty).ToList();
        if (!root.TryGetProperty("statements", out _))
        {
            throw new DocumentRejectedException("/statements", "an OpenVEX document needs a statements array");
        }

        foreach (var (statement, pointer) in statements)
        {
            if (statement.ValueKind != JsonValueKind.Object)
            {
                throw JsonPointers.WrongType(pointer, "an object", statement.ValueKind);
            }

            MapStatement(statement, pointer, issuer, documentTime, document.NodeRef, builder);
        }

        return builder.Build(document);
    }

    private static void MapStatement(JsonElement statement, string pointer, string issuer, DateTimeOffset? documentTime, NodeRef documentNode, IngestBatchBuilder builder)
    {
        var vulnerability = Vulnerability(statement, pointer, builder);
        builder.AddEdge(EdgeKind.Describes, documentNode, vulnerability);

        var statusText = JsonFields.RequiredString(statement, "status", pointer, "a statement's status");
        if (!Statuses.TryGetValue(statusText.Trim(), out var status))
        {
            throw new DocumentRejectedException(pointer + "/status", $"status '{statusText}' is not not_affected, affected, fixed or under_investigation");
        }

        var justification = JsonFields.String(statement, "justification", pointer);
        var impact = JsonFields.String(statement, "impact_statement", pointer);
        if (status == VexStatus.NotAffected && string.IsNullOrWhiteSpace(justification) && string.IsNullOrWhiteSpace(impact))
        {
            builder.Warn(pointer, "not_affected without a justification or impact statement (OpenVEX requires one); kept");
        }

        if (justification is not null && !VexJustifications.OpenVex.Contains(justification))
        {
            builder.Warn(pointer + "/justification", $"'{justification}' is not an OpenVEX justification; kept as written");
        }

        var timestamp = JsonFields.Timestamp(statement, "timestamp", pointer, builder.Warn) ?? documentTime;
        var statementSubcomponents = OpenVexProducts.Subcomponents(statement, pointer, builder);
        var products = OpenVexProducts.Read(statement, pointer, builder);
        if (products.Count == 0)
        {
            builder.Warn(pointer + "/products", "the statement names no product it can key; no claim");
        }

        foreach (var (product, subcomponents) in products)
        {
            builder.AddClaim(ClaimJson.Vex(vulnerability.Key, product, new VexClaim
            {
                Status = status,
                Subcomponents = [.. subcomponents, .. statementSubcomponents],
                Justification = justification,
                ImpactStatement = impact,
                ActionStatement = JsonFields.String(statement, "action_statement", pointer),
                Issuer = issuer,
                Timestamp = timestamp,
                StatementId = JsonFields.String(statement, "@id", pointer) ?? pointer,
            }));
        }
    }

    /// <summary>0.0.1 writes the id as a string; 0.2.0 as <c>{ name, @id, aliases }</c>.</summary>
    private static NodeRef Vulnerability(JsonElement statement, string pointer, IngestBatchBuilder builder)
    {
        if (!statement.TryGetProperty("vulnerability", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new DocumentRejectedException(pointer + "/vulnerability", "a statement needs a vulnerability");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return string.IsNullOrWhiteSpace(value.GetString())
                ? throw new DocumentRejectedException(pointer + "/vulnerability", "the vulnerability id is empty")
                : VulnerabilityNodes.Add(builder, value.GetString()!);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType(pointer + "/vulnerability", "a string or an object", value.ValueKind);
        }

        var vulnPointer = pointer + "/vulnerability";
        var iri = JsonFields.String(value, "@id", vulnPointer);
        var name = JsonFields.String(value, "name", vulnPointer) ?? iri;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DocumentRejectedException(vulnPointer + "/name", "the vulnerability needs a name");
        }

        List<KeyValuePair<string, string>> properties = [];
        if (!string.IsNullOrWhiteSpace(iri))
        {
            properties.Add(new("openvex:vulnerability:@id", iri));
        }

        if (JsonFields.String(value, "description", vulnPointer) is { Length: > 0 } description)
        {
            properties.Add(new("openvex:description", description));
        }

        var node = VulnerabilityNodes.Add(builder, name, properties);
        foreach (var (alias, _) in JsonFields.StringArray(value, "aliases", vulnPointer))
        {
            VulnerabilityNodes.AddAlias(builder, node, alias);
        }

        return node;
    }

    private static Dictionary<string, string> Properties(JsonElement root, string? author)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(author))
        {
            properties["openvex:author"] = author;
        }

        if (JsonFields.String(root, "role", string.Empty) is { Length: > 0 } role)
        {
            properties["openvex:role"] = role;
        }

        if (root.TryGetProperty("version", out var version) && version.ValueKind is JsonValueKind.Number or JsonValueKind.String)
        {
            properties["openvex:version"] = version.ToString();
        }

        return properties;
    }

    [GeneratedRegex(@"/v(\d+\.\d+\.\d+)")]
    private static partial Regex VersionPattern();
}
