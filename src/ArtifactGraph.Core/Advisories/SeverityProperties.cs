using System.Globalization;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Advisories;

/// <summary>
/// The severity properties advisory readers store on a Vulnerability node (<c>severity:score</c>, the CVSS
/// base score in invariant culture, and <c>severity:level</c>), read back in one place by every answer.
/// </summary>
public static class SeverityProperties
{
    public const string Score = "severity:score";

    public const string Level = "severity:level";

    /// <summary>The stored score, or null when there is none or it does not parse.</summary>
    public static double? ScoreOf(IReadOnlyDictionary<string, string>? properties) =>
        properties is not null && properties.TryGetValue(Score, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null;

    /// <summary>The properties of the first alias that has a score: a vulnerability's severity, whichever alias states it.</summary>
    public static IReadOnlyDictionary<string, string>? OfFirstScored(IEnumerable<string> aliases, IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> properties) =>
        aliases.Select(a => properties.GetValueOrDefault(new NodeRef(NodeKind.Vulnerability, a)))
            .FirstOrDefault(p => p?.ContainsKey(Score) == true);
}
