using System.Diagnostics.CodeAnalysis;

namespace ArtifactGraph.Core.Identity;

/// <summary>
/// A package URL (https://github.com/package-url/purl-spec), parsed, validated and normalized.
/// <see cref="ToString"/> is the canonical form and the PackageVersion identity;
/// <see cref="PackageKey"/> (no version, qualifiers or subpath) is the Package identity.
/// PLACEHOLDER: a naive implementation until the spec-conformant one lands.
/// </summary>
public sealed class Purl : IEquatable<Purl>
{
    private readonly string _canonical;

    private Purl(string type, string? ns, string name, string? version, IReadOnlyList<KeyValuePair<string, string>> qualifiers, string? subpath)
    {
        Type = type;
        Namespace = ns;
        Name = name;
        Version = version;
        Qualifiers = qualifiers;
        Subpath = subpath;
        _canonical = Format(true);
    }

    public string Type { get; }

    public string? Namespace { get; }

    public string Name { get; }

    public string? Version { get; }

    /// <summary>Qualifiers sorted by key, keys lower-case, empty values dropped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Qualifiers { get; }

    public string? Subpath { get; }

    /// <summary>The canonical purl without version, qualifiers and subpath: the Package identity.</summary>
    public string PackageKey => Format(false);

    public static Purl Parse(string text) =>
        TryParse(text, out var purl, out var error) ? purl : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Purl? purl, [NotNullWhen(false)] out string? error)
    {
        purl = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            error = "a purl starts with 'pkg:'";
            return false;
        }

        var rest = text[4..].TrimStart('/');
        string? subpath = null;
        var hash = rest.IndexOf('#');
        if (hash >= 0) { subpath = rest[(hash + 1)..]; rest = rest[..hash]; }
        var qualifiers = new List<KeyValuePair<string, string>>();
        var q = rest.IndexOf('?');
        if (q >= 0)
        {
            foreach (var pair in rest[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                if (eq > 0 && eq < pair.Length - 1) { qualifiers.Add(new(pair[..eq].ToLowerInvariant(), Uri.UnescapeDataString(pair[(eq + 1)..]))); }
            }

            rest = rest[..q];
        }

        string? version = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0) { version = Uri.UnescapeDataString(rest[(at + 1)..]); rest = rest[..at]; }
        var parts = rest.Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 || parts[^1].Length == 0)
        {
            error = "a purl needs a type and a name";
            return false;
        }

        var ns = parts.Length > 2 ? string.Join('/', parts[1..^1]) : null;
        purl = new Purl(parts[0].ToLowerInvariant(), ns, Uri.UnescapeDataString(parts[^1]), version, qualifiers.OrderBy(k => k.Key, StringComparer.Ordinal).ToList(), subpath);
        return true;
    }

    public static Purl Create(string type, string? ns, string name, string? version = null, IEnumerable<KeyValuePair<string, string>>? qualifiers = null, string? subpath = null) =>
        new(type.ToLowerInvariant(), ns, name, version, (qualifiers ?? []).OrderBy(k => k.Key, StringComparer.Ordinal).ToList(), subpath);

    public Purl WithoutVersion() => new(Type, Namespace, Name, null, [], null);

    public override string ToString() => _canonical;

    public bool Equals(Purl? other) => other is not null && _canonical == other._canonical;

    public override bool Equals(object? obj) => Equals(obj as Purl);

    public override int GetHashCode() => _canonical.GetHashCode(StringComparison.Ordinal);

    private string Format(bool full)
    {
        var s = "pkg:" + Type + "/" + (Namespace is null ? string.Empty : Namespace + "/") + Uri.EscapeDataString(Name);
        if (!full) { return s; }
        if (Version is not null) { s += "@" + Uri.EscapeDataString(Version); }
        if (Qualifiers.Count > 0) { s += "?" + string.Join('&', Qualifiers.Select(k => k.Key + "=" + Uri.EscapeDataString(k.Value))); }
        if (Subpath is not null) { s += "#" + Subpath; }
        return s;
    }
}
