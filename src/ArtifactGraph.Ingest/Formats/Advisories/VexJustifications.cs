namespace ArtifactGraph.Ingest.Formats.Advisories;

/// <summary>
/// Justifications of CSAF flags and CycloneDX analyses mapped to OpenVEX's five, so "why not affected"
/// reads the same whichever format said it. Unknown values map to null (the caller keeps the original).
/// </summary>
internal static class VexJustifications
{
    public static readonly IReadOnlySet<string> OpenVex = new HashSet<string>(StringComparer.Ordinal)
    {
        "component_not_present",
        "vulnerable_code_not_present",
        "vulnerable_code_not_in_execute_path",
        "vulnerable_code_cannot_be_controlled_by_adversary",
        "inline_mitigations_already_exist",
    };

    /// <summary>CSAF 2.0 flag labels are OpenVEX's words already (OpenVEX took them from CSAF).</summary>
    public static string? FromCsafFlag(string label) => OpenVex.Contains(label) ? label : null;

    /// <summary>CycloneDX <c>analysis.justification</c> → OpenVEX.</summary>
    public static string? FromCycloneDx(string justification) => justification switch
    {
        "code_not_present" => "vulnerable_code_not_present",
        "code_not_reachable" => "vulnerable_code_not_in_execute_path",
        "requires_configuration" or "requires_dependency" or "requires_environment" => "vulnerable_code_cannot_be_controlled_by_adversary",
        "protected_by_compiler" or "protected_at_runtime" or "protected_at_perimeter" or "protected_by_mitigating_control" => "inline_mitigations_already_exist",
        _ => null,
    };
}
