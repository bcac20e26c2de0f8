namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>The SPDX 2.3 tag-value tags: which are known (others warn) and which may not be empty (rejects).</summary>
internal static class Spdx2TagValueTags
{
    public static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        // document and creation info
        "SPDXVersion", "DataLicense", "SPDXID", "DocumentName", "DocumentNamespace", "ExternalDocumentRef", "LicenseListVersion",
        "Creator", "Created", "CreatorComment", "DocumentComment",

        // package
        "PackageName", "PackageVersion", "PackageFileName", "PackageSupplier", "PackageOriginator", "PackageDownloadLocation",
        "FilesAnalyzed", "PackageVerificationCode", "PackageChecksum", "PackageHomePage", "PackageSourceInfo",
        "PackageLicenseConcluded", "PackageLicenseInfoFromFiles", "PackageLicenseDeclared", "PackageLicenseComments",
        "PackageCopyrightText", "PackageSummary", "PackageDescription", "PackageComment", "ExternalRef", "ExternalRefComment",
        "PackageAttributionText", "PrimaryPackagePurpose", "ReleaseDate", "BuiltDate", "ValidUntilDate",

        // file
        "FileName", "FileType", "FileChecksum", "LicenseConcluded", "LicenseInfoInFile", "LicenseComments", "FileCopyrightText",
        "FileComment", "FileNotice", "FileContributor", "FileAttributionText", "FileDependency", "ArtifactOfProjectName",
        "ArtifactOfProjectHomePage", "ArtifactOfProjectURI",

        // snippet
        "SnippetSPDXID", "SnippetFromFileSPDXID", "SnippetByteRange", "SnippetLineRange", "SnippetLicenseConcluded",
        "LicenseInfoInSnippet", "SnippetLicenseComments", "SnippetCopyrightText", "SnippetComment", "SnippetName",
        "SnippetAttributionText",

        // other licensing information, relationships, annotations, reviews (deprecated)
        "LicenseID", "ExtractedText", "LicenseName", "LicenseCrossReference", "LicenseComment",
        "Relationship", "RelationshipComment",
        "Annotator", "AnnotationDate", "AnnotationType", "SPDXREF", "AnnotationComment",
        "Reviewer", "ReviewDate", "ReviewComment",
    };

    /// <summary>Tags whose value is the point of writing them: empty rejects the document.</summary>
    public static readonly HashSet<string> RequiresValue = new(StringComparer.Ordinal)
    {
        "SPDXVersion", "DataLicense", "SPDXID", "DocumentName", "DocumentNamespace", "ExternalDocumentRef", "Creator", "Created",
        "PackageName", "PackageChecksum", "ExternalRef", "FileName", "FileChecksum", "SnippetSPDXID", "LicenseID", "Relationship",
    };
}
