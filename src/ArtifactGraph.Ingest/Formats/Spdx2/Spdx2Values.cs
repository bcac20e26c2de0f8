namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>SPDX's placeholder values: NOASSERTION ("we do not say") and NONE ("there is none").</summary>
internal static class Spdx2Values
{
    public static bool IsPlaceholder(string? value) =>
        value is null || value.Trim() is "NOASSERTION" or "NONE" or "";

    /// <summary>The trimmed value, or null for NOASSERTION, NONE and empty.</summary>
    public static string? Meaningful(string? value) => IsPlaceholder(value) ? null : value!.Trim();
}
