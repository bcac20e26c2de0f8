namespace ArtifactGraph.Core.Versions;

/// <summary>
/// One ecosystem's version ordering (one file per scheme in this folder). Compare throws
/// <see cref="FormatException"/> for a version the scheme cannot parse; check <see cref="IsValid"/> first.
/// </summary>
public interface IVersionScheme
{
    /// <summary>The scheme's name, e.g. <c>semver</c>, <c>pep440</c>, <c>maven</c>, <c>deb</c>, <c>generic</c>.</summary>
    string Name { get; }

    /// <summary>True for the fallback that orders by a generic rule because the ecosystem's own is unknown.</summary>
    bool IsGeneric { get; }

    bool IsValid(string version);

    int Compare(string left, string right);
}
