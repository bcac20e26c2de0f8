using System.Text.Json;
using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Tests.Versions;

/// <summary>Runs one corpus case; returns why it failed, or null when it met its expectation.</summary>
internal static class VersCorpusCaseRunner
{
    public static string? Failure(VersCorpusCase c)
    {
        try
        {
            return c.TestType switch
            {
                "comparison" or "sort" => Sort(c),
                "equality" => Equality(c),
                "containment" => Containment(c),
                "from_native" => FromNative(c),
                "validate" => Validate(c),
                "parse" => Parse(c),
                "rpmvercmp" => RpmVerCmp(c),
                _ => $"unknown test type {c.TestType}",
            };
        }
        catch (FormatException ex) when (!c.ExpectedFailure)
        {
            return $"{c.Id} {c.InputText}: threw {ex.Message}";
        }
    }

    private static IVersionScheme Scheme(VersCorpusCase c) =>
        VersionSchemes.ForVersScheme(c.Input.GetProperty("input_scheme").GetString()!)
        ?? throw new FormatException($"no scheme {c.Input.GetProperty("input_scheme")}");

    private static string[] Versions(VersCorpusCase c) =>
        [.. c.Input.GetProperty("versions").EnumerateArray().Select(v => v.GetString()!)];

    private static string? Sort(VersCorpusCase c)
    {
        var scheme = Scheme(c);
        var sorted = Versions(c).Order(Comparer<string>.Create(scheme.Compare)).ToArray();
        var expected = c.Expected!.Value.EnumerateArray().Select(v => v.GetString()!).ToArray();

        // Expected lists may change case (NuGet's 1.0.0-BETA is listed as 1.0.0-beta).
        return sorted.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"{c.Id}: sorted [{string.Join(", ", sorted)}], expected [{string.Join(", ", expected)}]";
    }

    private static string? Equality(VersCorpusCase c)
    {
        var v = Versions(c);
        var equal = Scheme(c).Compare(v[0], v[1]) == 0;
        return equal == c.Expected!.Value.GetBoolean() ? null : $"{c.Id}: {v[0]} == {v[1]} is {equal}";
    }

    private static string? Containment(VersCorpusCase c)
    {
        var range = VersRange.ParseLenient(c.Input.GetProperty("vers").GetString()!);
        var version = c.Input.GetProperty("version").GetString()!;
        var contained = range.Contains(version);
        return contained == c.Expected!.Value.GetBoolean() ? null : $"{c.Id}: {range} contains {version} is {contained}";
    }

    private static string? FromNative(VersCorpusCase c)
    {
        var scheme = c.Input.GetProperty("scheme").GetString()!;
        var native = c.Input.GetProperty("native_range").GetString()!;
        var vers = VersFromNative.Convert(scheme, native).ToString();
        return vers == c.Expected?.GetString() ? null : $"{c.Id}: '{native}' gave {vers}, expected {c.Expected}";
    }

    private static string? Validate(VersCorpusCase c)
    {
        var ok = VersRange.TryParse(c.InputText, strict: false, out var range, out var error);
        if (c.ExpectedFailure)
        {
            return ok ? $"{c.Id}: {c.InputText} validated, expected a failure" : null;
        }

        return ok && range!.ToString() == c.Expected?.GetString() ? null : $"{c.Id}: {c.InputText} gave {range?.ToString() ?? error}, expected {c.Expected}";
    }

    private static string? Parse(VersCorpusCase c)
    {
        var ok = VersRange.TryParse(c.InputText, strict: true, out var range, out var error);
        if (c.ExpectedFailure)
        {
            return ok ? $"{c.Id}: {c.InputText} parsed, expected a failure" : null;
        }

        if (!ok)
        {
            return $"{c.Id}: {c.InputText} failed: {error}";
        }

        var expected = c.Expected!.Value;
        var constraints = expected.GetProperty("version_constraints").EnumerateArray()
            .Select(p => (p[0].GetString()!, p[1].GetString()!)).ToArray();
        var actual = range!.Constraints.Select(k => (k.Comparator == VersComparator.Equal ? "=" : k.Symbol, k.Version)).ToArray();
        return range.Scheme == expected.GetProperty("scheme").GetString() && actual.SequenceEqual(constraints)
            ? null
            : $"{c.Id}: {c.InputText} parsed as {range.Scheme} [{string.Join(", ", actual)}]";
    }

    private static string? RpmVerCmp(VersCorpusCase c)
    {
        var v = c.Input.EnumerateArray().Select(x => x.GetString()!).ToArray();
        var result = VersionSchemes.ForVersScheme("rpm")!.Compare(v[0], v[1]);
        return result == c.Expected!.Value.GetInt32() ? null : $"{c.Id}: rpmvercmp({v[0]}, {v[1]}) = {result}, expected {c.Expected}";
    }
}
