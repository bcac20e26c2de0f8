using System.Text.Json;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Core.Tests.Identity;

/// <summary>Runs one corpus case and says how it missed its expectation (null when it met it).</summary>
internal static class PurlSpecCaseRunner
{
    public static string? Failure(PurlSpecCase c) => c.TestType switch
    {
        "parse" or "validate" when c.ExpectFailure => ParseMustFail(c.Input.GetString()!),
        "parse" => ParseTo(c.Input.GetString()!, c.Expected),
        "validate" => Canonical(c.Input.GetString()!, c.Expected.GetString()!),
        "build" when c.ExpectFailure => BuildMustFail(c.Input),
        "build" => BuildTo(c.Input, c.Expected.GetString()!),
        PurlSpecCase.Legacy when c.ExpectFailure => ParseMustFail(c.Input.GetString()!),
        PurlSpecCase.Legacy => Legacy(c.Input.GetString()!, c.Expected),
        _ => $"unknown test_type '{c.TestType}'",
    };

    private static string? ParseMustFail(string input) =>
        Purl.TryParse(input, out var purl, out _) ? $"parsed as {purl} but must fail" : null;

    private static string? Canonical(string input, string expected)
    {
        if (!Purl.TryParse(input, out var purl, out var error)) { return $"parse failed: {error}"; }
        return purl.ToString() == expected ? null : $"canonical {purl} != expected {expected}";
    }

    private static string? ParseTo(string input, JsonElement expected)
    {
        if (!Purl.TryParse(input, out var purl, out var error)) { return $"parse failed: {error}"; }
        return SameComponents(purl, Components(expected));
    }

    private static string? BuildMustFail(JsonElement input)
    {
        try
        {
            return $"built {Build(Components(input))} but must fail";
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? BuildTo(JsonElement input, string expected)
    {
        try
        {
            var built = Build(Components(input)).ToString();
            return built == expected ? null : $"built {built} != expected {expected}";
        }
        catch (ArgumentException ex)
        {
            return $"build failed: {ex.Message}";
        }
    }

    /// <summary>
    /// Legacy rows give a purl, its canonical form and the components to build it from. The legacy
    /// canonical strings predate today's encoding ('/' in qualifier values was left bare), so they are
    /// compared by meaning: the canonical string must parse to the same purl. The components are build
    /// input and are compared after normalization: one row lists subpath 'googleapis/../api/annotations',
    /// whose canonical form drops the '..'.
    /// </summary>
    private static string? Legacy(string input, JsonElement row)
    {
        var canonicalText = row.GetProperty("canonical_purl").GetString()!;
        if (!Purl.TryParse(canonicalText, out var canonical, out var error)) { return $"canonical_purl failed to parse: {error}"; }
        if (!Purl.TryParse(input, out var parsed, out error)) { return $"parse failed: {error}"; }
        if (!parsed.Equals(canonical)) { return $"parsed {parsed} != canonical {canonical}"; }
        try
        {
            var built = Build(Components(row));
            return built.Equals(canonical) ? SameComponents(parsed, Parts.Of(built)) : $"built {built} != canonical {canonical}";
        }
        catch (ArgumentException ex)
        {
            return $"build failed: {ex.Message}";
        }
    }

    private static string? SameComponents(Purl actual, Parts expected)
    {
        var got = Parts.Of(actual);
        return got == expected ? null : $"components {got} != expected {expected}";
    }

    private static Purl Build(Parts p) => Purl.Create(p.Type!, p.Namespace, p.Name!, p.Version, p.Qualifiers, p.Subpath);

    private static Parts Components(JsonElement e) => new(
        Text(e, "type"),
        Text(e, "namespace"),
        Text(e, "name"),
        Text(e, "version"),
        e.TryGetProperty("qualifiers", out var q) && q.ValueKind == JsonValueKind.Object
            ? q.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString() ?? string.Empty)).ToList()
            : [],
        Text(e, "subpath"));

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed record Parts(string? Type, string? Namespace, string? Name, string? Version, List<KeyValuePair<string, string>> Qualifiers, string? Subpath)
    {
        public static Parts Of(Purl p) => new(p.Type, p.Namespace, p.Name, p.Version, [.. p.Qualifiers], p.Subpath);

        public bool Equals(Parts? other) =>
            other is not null && Type == other.Type && Namespace == other.Namespace && Name == other.Name
            && Version == other.Version && Subpath == other.Subpath && Sorted(Qualifiers).SequenceEqual(Sorted(other.Qualifiers));

        public override int GetHashCode() => HashCode.Combine(Type, Namespace, Name, Version, Subpath);

        public override string ToString() =>
            $"type={Type} namespace={Namespace} name={Name} version={Version} qualifiers={{{string.Join(", ", Sorted(Qualifiers))}}} subpath={Subpath}";

        private static IEnumerable<string> Sorted(List<KeyValuePair<string, string>> q) =>
            q.Select(kv => kv.Key + "=" + kv.Value).Order(StringComparer.Ordinal);
    }
}
