using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// A package URL (https://github.com/package-url/purl-spec), parsed, validated and normalized.
/// <see cref="ToString"/> is the canonical form and the PackageVersion identity;
/// <see cref="PackageKey"/> (no version, qualifiers or subpath) is the Package identity.
/// </summary>
/// <remarks>
/// Parsing and <see cref="Create"/> share one normalizer, so both yield the same canonical form.
/// Qualifier keys are accepted in any case and lower-cased, because the spec calls them
/// case-insensitive and real SBOMs write <c>Arch=</c>.
/// </remarks>
public sealed class Purl : IEquatable<Purl>
{
    // One builder per thread for the canonical forms (a builder and its chunks per purl were a cold parse's
    // largest garbage); dropped when an odd purl made it large.
    [ThreadStatic]
    private static StringBuilder? t_format;

    private readonly string _canonical;
    private readonly int _packageKeyLength;
    private string? _packageKey;
    private PackageIdentity.Result? _identity;

    internal Purl(string type, string? ns, string name, string? version, IReadOnlyList<KeyValuePair<string, string>> qualifiers, string? subpath)
    {
        Type = type;
        Namespace = ns;
        Name = name;
        Version = version;
        Qualifiers = qualifiers;
        Subpath = subpath;
        _canonical = Format(out _packageKeyLength);
        if (_packageKeyLength == _canonical.Length)
        {
            _packageKey = _canonical; // no version, qualifiers or subpath: the two identities are one string
        }
    }

    public string Type { get; }

    /// <summary>Decoded namespace; segments are separated by '/'.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    public string? Version { get; }

    /// <summary>Qualifiers sorted by key, keys lower-case, empty values dropped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Qualifiers { get; }

    /// <summary>Decoded subpath; segments are separated by '/', with '.' and '..' removed.</summary>
    public string? Subpath { get; }

    /// <summary>The canonical purl without version, qualifiers and subpath: the Package identity.</summary>
    public string PackageKey => _packageKey ??= _canonical[.._packageKeyLength];

    /// <summary>How readers key this purl; made once per instance, so a cached purl's keys are shared by every node naming it.</summary>
    internal PackageIdentity.Result Identity => _identity ??= new(_canonical, PackageKey, Version is not null, Name, null);

    public static Purl Parse(string text) =>
        TryParse(text, out var purl, out var error) ? purl : throw new FormatException($"Invalid purl '{text}': {error}");

    /// <remarks>Purls are immutable, so a text seen before returns the same instance (<see cref="PurlCache"/>).</remarks>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Purl? purl, [NotNullWhen(false)] out string? error) =>
        PurlCache.TryParse(text, out purl, out error);

    /// <summary>Forgets every cached parse, so the next reads parse as if each purl were new (benchmarks of cold reads).</summary>
    public static void ClearParseCache() => PurlCache.Clear();

    /// <summary>
    /// Builds a purl from decoded components (not percent-encoded), validating and normalizing them
    /// as parsing would. Throws <see cref="ArgumentException"/> with the reason when they are invalid.
    /// </summary>
    public static Purl Create(string type, string? ns, string name, string? version = null, IEnumerable<KeyValuePair<string, string>>? qualifiers = null, string? subpath = null) =>
        PurlNormalizer.TryNormalize(type, ns, name, version, qualifiers, subpath, out var purl, out var error)
            ? purl
            : throw new ArgumentException($"Invalid purl components: {error}");

    /// <summary>The Package identity as a purl. Types whose required qualifiers are dropped here (julia, swid) will not re-parse it.</summary>
    public Purl WithoutVersion() => new(Type, Namespace, Name, null, [], null);

    public override string ToString() => _canonical;

    public bool Equals(Purl? other) => other is not null && _canonical == other._canonical;

    public override bool Equals(object? obj) => Equals(obj as Purl);

    public override int GetHashCode() => _canonical.GetHashCode(StringComparison.Ordinal);

    /// <summary>The canonical form; <paramref name="packageKeyLength"/> is the length of its Package identity prefix (everything before the version).</summary>
    private string Format(out int packageKeyLength)
    {
        var s = t_format ?? new StringBuilder(128);
        t_format = null; // taken while in use
        s.Clear().Append("pkg:").Append(Type).Append('/');
        if (Namespace is not null)
        {
            s.Append(EncodePath(Namespace)).Append('/');
        }

        s.Append(PurlTypeRules.For(Type).NameIsPath ? EncodePath(Name) : PurlEncoding.Encode(Name));
        packageKeyLength = s.Length;
        if (Version is not null)
        {
            s.Append('@').Append(PurlEncoding.Encode(Version));
        }

        for (var i = 0; i < Qualifiers.Count; i++)
        {
            s.Append(i == 0 ? '?' : '&').Append(Qualifiers[i].Key).Append('=').Append(PurlEncoding.Encode(Qualifiers[i].Value));
        }

        if (Subpath is not null)
        {
            s.Append('#').Append(EncodePath(Subpath));
        }

        var text = s.ToString();
        if (s.Capacity <= 1024)
        {
            t_format = s;
        }

        return text;
    }

    private static string EncodePath(string path) =>
        PurlEncoding.IsSafePath(path) ? path : string.Join('/', path.Split('/').Select(PurlEncoding.Encode));
}
