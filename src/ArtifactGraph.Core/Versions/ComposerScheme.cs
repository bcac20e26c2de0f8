using System.Text;

namespace ArtifactGraph.Core.Versions;

/// <summary>
/// Packagist/Composer: versions are normalized as Composer's VersionParser does (<c>v</c> dropped,
/// four numeric parts, stability a/b/p/pl spelled out as alpha/beta/patch, RC upper-cased, build
/// metadata dropped) and then ordered with PHP's version_compare (dev &lt; alpha &lt; beta &lt; RC &lt; release &lt; patch).
/// Branch names (<c>dev-main</c>) have no order and are invalid here.
/// </summary>
internal sealed class ComposerScheme : IVersionScheme
{
    public static readonly ComposerScheme Instance = new();

    private static readonly string[] Stabilities = ["stable", "beta", "b", "rc", "alpha", "a", "patch", "pl", "p"];

    private readonly ParsedCache<string> _cache = new(Normalize);

    public string Name => "composer";

    public bool IsGeneric => false;

    public bool IsValid(string version) => _cache.Get(version) is not null;

    public int Compare(string left, string right) => PhpVersionCompare.Compare(_cache.Require(left, Name), _cache.Require(right, Name));

    /// <summary>Composer's normalized form (<c>1.2.0.0-beta2</c>), or null.</summary>
    public static string? Normalize(string text)
    {
        var s = text.Trim().ToLowerInvariant();
        var plus = s.IndexOf('+');
        if (plus > 0)
        {
            s = s[..plus];
        }

        if (s.StartsWith('v'))
        {
            s = s[1..];
        }

        var pos = 0;
        var numbers = new List<string>();
        while (numbers.Count < 4 && pos < s.Length && VersionText.IsDigit(s[pos]))
        {
            var n = VersionText.RunLength(s, pos, VersionText.IsDigit);
            numbers.Add(s.Substring(pos, n).TrimStart('0') is { Length: > 0 } t ? t : "0");
            pos += n;
            if (pos < s.Length && s[pos] == '.' && pos + 1 < s.Length && VersionText.IsDigit(s[pos + 1]) && numbers.Count < 4)
            {
                pos++;
            }
            else
            {
                break;
            }
        }

        if (numbers.Count == 0)
        {
            return null;
        }

        while (numbers.Count < 4)
        {
            numbers.Add("0");
        }

        var sb = new StringBuilder(string.Join('.', numbers));
        var rest = s[pos..];
        if (rest.Length > 0 && rest[0] is '.' or '_' or '-')
        {
            rest = rest[1..];
        }

        var stability = Stabilities.FirstOrDefault(x => rest.StartsWith(x, StringComparison.Ordinal) && !(rest.Length > x.Length && VersionText.IsLetter(rest[x.Length])));
        if (stability is not null)
        {
            rest = rest[stability.Length..];
            var digits = new StringBuilder();
            while (rest.Length > 0 && (VersionText.IsDigit(rest[0]) || (rest[0] is '.' or '-' && rest.Length > 1 && VersionText.IsDigit(rest[1]))))
            {
                digits.Append(rest[0]);
                rest = rest[1..];
            }

            var expanded = stability switch { "a" => "alpha", "b" => "beta", "p" or "pl" => "patch", "rc" => "RC", _ => stability };
            if (expanded != "stable")
            {
                sb.Append('-').Append(expanded).Append(digits.ToString().TrimStart('.', '-'));
            }
        }

        if (rest is "dev" or ".dev" or "-dev")
        {
            sb.Append("-dev");
            rest = "";
        }

        return rest.Length == 0 ? sb.ToString() : null;
    }
}
