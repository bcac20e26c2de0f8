using System.Text.Json;
using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Core.Advisories;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// An OSV range given on the command line: JSON (<c>{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2.3"}]}</c>)
/// or compact (<c>introduced=1.0,fixed=1.2.3</c>, optionally with <c>type=SEMVER</c>). Type defaults to ECOSYSTEM.
/// </summary>
internal static class RangeArgument
{
    private static readonly string[] EventKinds = ["introduced", "fixed", "last_affected", "limit"];

    public static OsvRange Parse(string text) => text.TrimStart().StartsWith('{') ? FromJson(text) : FromCompact(text);

    private static OsvRange FromJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() ?? "ECOSYSTEM" : "ECOSYSTEM";
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException("an OSV range needs an \"events\" array");
            }

            var list = new List<OsvEvent>();
            foreach (var e in events.EnumerateArray())
            {
                foreach (var p in e.EnumerateObject())
                {
                    list.Add(Event(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new UsageException($"event '{p.Name}' needs a string version")));
                }
            }

            return new OsvRange(type, list);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"the range is not valid JSON: {ex.Message}");
        }
    }

    private static OsvRange FromCompact(string text)
    {
        var type = "ECOSYSTEM";
        var events = new List<OsvEvent>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                throw new UsageException($"'{part}' is not kind=version (kinds: {string.Join(", ", EventKinds)})");
            }

            var (kind, value) = (part[..eq], part[(eq + 1)..]);
            if (kind == "type")
            {
                type = value.ToUpperInvariant();
                continue;
            }

            events.Add(Event(kind, value));
        }

        return events.Count > 0 ? new OsvRange(type, events) : throw new UsageException("the range has no events");
    }

    private static OsvEvent Event(string kind, string value) =>
        EventKinds.Contains(kind) ? new OsvEvent(kind, value) : throw new UsageException($"unknown range event '{kind}' (kinds: {string.Join(", ", EventKinds)})");
}
