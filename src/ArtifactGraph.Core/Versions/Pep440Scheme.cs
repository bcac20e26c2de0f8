namespace ArtifactGraph.Core.Versions;

/// <summary>
/// PEP 440 (PyPI): epoch, release, pre (a/b/rc), post, dev and local segments, with the PEP's
/// normalization (case, <c>v</c> prefix, alpha/beta/c/pre/preview/rev/r spellings, <c>-</c>/<c>_</c>/<c>.</c>
/// separators, implicit numbers). Ordering follows the PEP (and <c>packaging.version</c>).
/// </summary>
internal sealed class Pep440Scheme : IVersionScheme
{
    public static readonly Pep440Scheme Instance = new();

    private readonly ParsedCache<Pep440Version> _cache = new(Pep440Version.TryParse);

    public string Name => "pep440";

    public bool IsGeneric => false;

    public bool IsValid(string version) => _cache.Get(version) is not null;

    public int Compare(string left, string right) => _cache.Require(left, Name).CompareTo(_cache.Require(right, Name));

    /// <summary>The PEP 440 normalized form, or null when invalid.</summary>
    public static string? Normalize(string version) => Pep440Version.TryParse(version)?.ToString();
}
