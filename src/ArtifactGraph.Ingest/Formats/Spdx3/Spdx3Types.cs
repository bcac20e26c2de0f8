namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>The normalised SPDX 3 type and vocabulary names the mapping acts on.</summary>
internal static class Spdx3Types
{
    /// <summary>software_Package and its subclasses (AI and Dataset profiles).</summary>
    public static bool IsPackage(string type) => type is "software_Package" or "ai_AIPackage" or "dataset_DatasetPackage";

    public static bool IsFile(string type) => type == "software_File";

    /// <summary>Relationship and its subclasses (LifecycleScopedRelationship, the security_*Relationship VEX types).</summary>
    public static bool IsRelationship(string type) => type.EndsWith("Relationship", StringComparison.Ordinal);

    /// <summary>Element collections whose rootElement names what they are about.</summary>
    public static bool IsCollection(string type) => type is "SpdxDocument" or "software_Sbom" or "Bom" or "Bundle";

    public static bool IsLicense(string type) =>
        type is "simplelicensing_LicenseExpression" or "expandedlicensing_CustomLicense" or "expandedlicensing_ListedLicense";

    /// <summary>The "none" / "no assertion" individuals: a relationship to them states an absence, not a target.</summary>
    public static bool IsNoneIndividual(string term) =>
        term is "NoneElement" or "NoAssertionElement" or "expandedlicensing_NoneLicense" or "expandedlicensing_NoAssertionLicense";

    /// <summary>
    /// Types only SPDX 3 uses, by which a document written without the SPDX context can still be recognised
    /// (generic names such as Person or Relationship are not evidence).
    /// </summary>
    public static bool IsDistinctive(string type) =>
        IsPackage(type) || IsFile(type) || IsLicense(type)
        || type is "SpdxDocument" or "software_Sbom" or "CreationInfo" or "LifecycleScopedRelationship" or "software_Snippet";
}
