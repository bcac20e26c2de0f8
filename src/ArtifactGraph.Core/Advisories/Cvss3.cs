using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ArtifactGraph.Core.Advisories;

/// <summary>
/// CVSS v3.0 / v3.1 base score from a vector (FIRST specification, section 7.1 and Appendix A), so
/// advisories that state only the vector still get a numeric score and a severity level. Temporal and
/// environmental metrics in the vector are accepted and ignored: the base score is what advisories compare.
/// </summary>
public static class Cvss3
{
    /// <summary>Parses a v3 vector (<c>CVSS:3.1/AV:N/…</c>; a vector without the prefix is read as 3.1) and computes its base score.</summary>
    public static bool TryBaseScore(string? vector, out double score, [NotNullWhen(false)] out string? error)
    {
        score = 0;
        var parts = (vector ?? string.Empty).Trim().Split('/', StringSplitOptions.RemoveEmptyEntries);
        var version = "3.1";
        if (parts.Length > 0 && parts[0].StartsWith("CVSS:", StringComparison.OrdinalIgnoreCase))
        {
            version = parts[0][5..];
            parts = parts[1..];
        }

        if (version is not ("3.0" or "3.1"))
        {
            error = $"CVSS version '{version}' is not 3.0 or 3.1";
            return false;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !metrics.TryAdd(part[..colon], part[(colon + 1)..]))
            {
                error = $"'{part}' is not a metric:value pair, or repeats a metric";
                return false;
            }
        }

        if (!TryWeights(metrics, out var w, out error))
        {
            return false;
        }

        var iss = 1 - ((1 - w.C) * (1 - w.I) * (1 - w.A));
        var impact = w.Changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * w.AV * w.AC * w.PR * w.UI;
        score = impact <= 0
            ? 0
            : RoundUp(Math.Min((w.Changed ? 1.08 : 1) * (impact + exploitability), 10), version);
        return true;
    }

    /// <summary>The qualitative rating of a score (CVSS v3 table 14): none, low, medium, high, critical.</summary>
    public static string Level(double score) => score switch
    {
        <= 0 => "none",
        < 4.0 => "low",
        < 7.0 => "medium",
        < 9.0 => "high",
        _ => "critical",
    };

    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>3.1's Roundup avoids floating-point surprises (Appendix A); 3.0 rounds up to one decimal.</summary>
    private static double RoundUp(double value, string version)
    {
        if (version == "3.0")
        {
            return Math.Ceiling(value * 10) / 10;
        }

        var scaled = (long)Math.Round(value * 100000);
        return scaled % 10000 == 0 ? scaled / 100000.0 : (Math.Floor(scaled / 10000.0) + 1) / 10.0;
    }

    private static bool TryWeights(Dictionary<string, string> m, out Weights weights, [NotNullWhen(false)] out string? error)
    {
        weights = default;
        error = null;
        if (!m.TryGetValue("S", out var scope) || scope is not ("U" or "C"))
        {
            error = "scope (S) must be U or C";
            return false;
        }

        var changed = scope == "C";
        double? Pick(string metric, params (string Value, double Weight)[] table)
        {
            if (m.TryGetValue(metric, out var value))
            {
                foreach (var (v, weight) in table)
                {
                    if (v == value)
                    {
                        return weight;
                    }
                }
            }

            return null;
        }

        var av = Pick("AV", ("N", 0.85), ("A", 0.62), ("L", 0.55), ("P", 0.2));
        var ac = Pick("AC", ("L", 0.77), ("H", 0.44));
        var pr = Pick("PR", ("N", 0.85), ("L", changed ? 0.68 : 0.62), ("H", changed ? 0.5 : 0.27));
        var ui = Pick("UI", ("N", 0.85), ("R", 0.62));
        (string, double)[] cia = [("H", 0.56), ("L", 0.22), ("N", 0)];
        var c = Pick("C", cia);
        var i = Pick("I", cia);
        var a = Pick("A", cia);
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null)
        {
            var missing = new[] { ("AV", av), ("AC", ac), ("PR", pr), ("UI", ui), ("C", c), ("I", i), ("A", a) }.First(x => x.Item2 is null).Item1;
            error = $"base metric {missing} is missing or has an unknown value";
            return false;
        }

        weights = new Weights(av.Value, ac.Value, pr.Value, ui.Value, c.Value, i.Value, a.Value, changed);
        return true;
    }

    private readonly record struct Weights(double AV, double AC, double PR, double UI, double C, double I, double A, bool Changed);
}
