using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.InToto;

namespace ArtifactGraph.Ingest.Formats.Scorecard;

/// <summary>
/// Reads OpenSSF Scorecard results: JSON v2 (<c>score</c>, <c>checks[]</c>) and the probe format
/// (<c>findings[]</c>: probe outcomes, no aggregate — none is computed here, the outcomes are kept).
/// Source <c>&lt;repo&gt;@&lt;commit&gt;</c> and the versionless Source -SCORED-> Scorecard
/// <c>scorecard:&lt;repo&gt;@&lt;commit&gt;</c> (graph-schema/ontology.md, "OpenSSF Scorecard").
/// </summary>
internal sealed class ScorecardReader : IDocumentReader
{
    public string Format => "OpenSSF-Scorecard";

    public bool CanRead(DocumentInput input) => JsonTopLevel.Sniff(input.Content.Span, members =>
        members.ContainsKey("repo") && members.ContainsKey("scorecard") && members.ContainsKey("date")
        && (members.ContainsKey("checks") || members.ContainsKey("findings") || members.ContainsKey("score")));

    public IngestBatch Read(DocumentInput input) => ReaderGuard.Run("Scorecard result", () =>
    {
        using var json = JsonDocument.Parse(input.Content, new JsonDocumentOptions { MaxDepth = 64 });
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw JsonPointers.WrongType("/", "an object", root.ValueKind);
        }

        var builder = input.NewBuilder();
        var date = JsonValues.RequiredString(root, "date", string.Empty);
        if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created))
        {
            throw new DocumentRejectedException("/date", $"'{date}' is not a date");
        }

        var repo = JsonValues.OptionalObject(root, "repo", string.Empty) ?? throw new DocumentRejectedException("/repo", "\"repo\" is required");
        var name = JsonValues.OptionalString(repo, "name", "/repo")
            ?? throw new DocumentRejectedException("/repo/name", "the scored repository's name is missing: the result cannot be attached to a source");
        var location = ScorecardRepository.Parse(name, "/repo/name", builder);
        var commit = JsonValues.OptionalString(repo, "commit", "/repo")?.Trim().ToLowerInvariant();

        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scorecard:repository"] = location.Repository,
            ["scorecard:date"] = created.ToString("O", CultureInfo.InvariantCulture),
        };
        if (commit is { Length: > 0 })
        {
            properties["scorecard:commit"] = commit;
        }

        if (JsonValues.OptionalObject(root, "scorecard", string.Empty) is { } tool)
        {
            Add(properties, "scorecard:version", JsonValues.OptionalString(tool, "version", "/scorecard"));
            Add(properties, "scorecard:toolCommit", JsonValues.OptionalString(tool, "commit", "/scorecard"));
        }

        string format;
        if (root.TryGetProperty("findings", out _))
        {
            format = "probe";
            ScorecardChecks.ReadFindings(root, properties);
        }
        else
        {
            format = "v2";
            if (root.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number)
            {
                properties["scorecard:score"] = score.GetDouble().ToString("0.0", CultureInfo.InvariantCulture);
            }
            else
            {
                builder.Warn("/score", "no aggregate score");
            }

            ScorecardChecks.ReadChecks(root, properties);
        }

        properties["scorecard:format"] = format;
        var revisionKey = commit is { Length: > 0 } ? commit : created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scorecard = builder.AddNode(new NodeRef(NodeKind.Scorecard, $"scorecard:{location.Repository}@{revisionKey}"), $"Scorecard {location.Repository}@{revisionKey}", properties);
        var repository = SourceNodes.Add(builder, location, null);
        builder.AddEdge(EdgeKind.Scored, repository, scorecard);
        var subject = repository;
        if (commit is { Length: > 0 })
        {
            subject = SourceNodes.Add(builder, location, commit);
            builder.AddEdge(EdgeKind.Scored, subject, scorecard);
        }

        return builder.Build(new DocumentInfo
        {
            Sha256 = input.Sha256,
            Format = Format,
            SpecVersion = format,
            Name = input.Name,
            Subject = subject,
            CreatedAt = created,
        });
    });

    private static void Add(Dictionary<string, string> properties, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties.TryAdd(key, value);
        }
    }
}
