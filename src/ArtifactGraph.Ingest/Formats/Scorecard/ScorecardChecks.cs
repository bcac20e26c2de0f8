using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Ingest.Formats.InToto;

namespace ArtifactGraph.Ingest.Formats.Scorecard;

/// <summary>
/// Per-check results as properties: <c>scorecard:check:&lt;Name&gt;</c> = score (-1 = inconclusive, as
/// Scorecard writes it), <c>scorecard:reason:&lt;Name&gt;</c>, <c>scorecard:annotations:&lt;Name&gt;</c>;
/// probe findings as <c>scorecard:probe:&lt;probe&gt;</c> = outcome(s).
/// </summary>
internal static class ScorecardChecks
{
    public static void ReadChecks(JsonElement root, Dictionary<string, string> properties)
    {
        if (JsonValues.OptionalArray(root, "checks", string.Empty) is not { } checks)
        {
            return;
        }

        var i = 0;
        foreach (var check in checks.EnumerateArray())
        {
            var pointer = $"/checks/{i++}";
            var name = JsonValues.RequiredString(check, "name", pointer);
            if (check.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number)
            {
                properties.TryAdd("scorecard:check:" + name, score.GetDouble().ToString("0.##", CultureInfo.InvariantCulture));
            }

            if (JsonValues.OptionalString(check, "reason", pointer) is { Length: > 0 } reason)
            {
                properties.TryAdd("scorecard:reason:" + name, reason);
            }

            if (JsonValues.OptionalArray(check, "annotations", pointer) is { } annotations && annotations.GetArrayLength() > 0)
            {
                properties.TryAdd("scorecard:annotations:" + name, string.Join(" | ", annotations.EnumerateArray().Select(a => a.ToString())));
            }
        }

        properties["scorecard:checks"] = i.ToString(CultureInfo.InvariantCulture);
    }

    public static void ReadFindings(JsonElement root, Dictionary<string, string> properties)
    {
        var findings = JsonValues.OptionalArray(root, "findings", string.Empty) ?? throw new DocumentRejectedException("/findings", "expected an array of probe findings");
        var outcomes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var i = 0;
        foreach (var finding in findings.EnumerateArray())
        {
            var pointer = $"/findings/{i++}";
            var probe = JsonValues.RequiredString(finding, "probe", pointer);
            var outcome = finding.TryGetProperty("outcome", out var value) ? value.ToString() : "unknown";
            if (!outcomes.TryGetValue(probe, out var list))
            {
                outcomes[probe] = list = [];
            }

            list.Add(outcome);
            if (JsonValues.OptionalString(finding, "message", pointer) is { Length: > 0 } message)
            {
                properties.TryAdd("scorecard:probeMessage:" + probe, message);
            }
        }

        foreach (var (probe, list) in outcomes)
        {
            properties["scorecard:probe:" + probe] = string.Join(", ", list.Distinct(StringComparer.Ordinal));
        }

        properties["scorecard:findings"] = i.ToString(CultureInfo.InvariantCulture);
    }
}
