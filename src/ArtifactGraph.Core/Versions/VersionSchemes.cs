namespace ArtifactGraph.Core.Versions;

/// <summary>Finds the version scheme for an OSV ecosystem name or a purl type.</summary>
public static class VersionSchemes
{
    /// <summary>By OSV ecosystem (<c>npm</c>, <c>PyPI</c>, <c>Debian:11</c> ...); the generic fallback when unknown.</summary>
    public static IVersionScheme ForEcosystem(string ecosystem) => throw new NotImplementedException("Core/Versions lands with issue 4.");

    /// <summary>The OSV ecosystem a purl type belongs to (<c>npm</c> → npm, <c>pypi</c> → PyPI, <c>deb</c> + namespace debian → Debian), or null.</summary>
    public static string? EcosystemOfPurl(string type, string? @namespace, IReadOnlyDictionary<string, string>? qualifiers) => throw new NotImplementedException("Core/Versions lands with issue 4.");
}
