namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Maven's ComparableVersion: any string is a version. Items split on '.', '-' and digit/letter
/// transitions; qualifiers order alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt; "" = ga = final = release &lt; sp,
/// unknown qualifiers after sp (lexically); trailing zero/empty items are dropped (1.0 == 1).
/// </summary>
internal sealed class MavenScheme : IVersionScheme
{
    public static readonly MavenScheme Instance = new();

    private readonly ParsedCache<MavenVersion.ListItem> _cache = new(MavenVersion.Parse);

    public string Name => "maven";

    public bool IsGeneric => false;

    /// <summary>Maven accepts any text; an empty or blank one cannot name a release.</summary>
    public bool IsValid(string version) => !string.IsNullOrWhiteSpace(version);

    public int Compare(string left, string right)
    {
        if (!IsValid(left) || !IsValid(right))
        {
            throw new FormatException($"'{(IsValid(left) ? right : left)}' is not a valid maven version");
        }

        return Math.Sign(_cache.Get(left)!.CompareTo(_cache.Get(right)));
    }
}
