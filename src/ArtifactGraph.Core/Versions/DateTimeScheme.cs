using System.Globalization;

namespace ArtifactGraph.Core.Versions;

/// <summary>vers <c>datetime</c>: RFC 3339 timestamps (upper-case T and Z), ordered as instants in UTC.</summary>
internal sealed class DateTimeScheme : IVersionScheme
{
    public static readonly DateTimeScheme Instance = new();

    public string Name => "datetime";

    public bool IsGeneric => false;

    public bool IsValid(string version) => TryParse(version, out _);

    public int Compare(string left, string right)
    {
        if (!TryParse(left, out var l) || !TryParse(right, out var r))
        {
            throw new FormatException($"'{(IsValid(left) ? right : left)}' is not an RFC 3339 timestamp");
        }

        return l.UtcDateTime.CompareTo(r.UtcDateTime);
    }

    private static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;

        // RFC 3339 allows lower-case t/z, but vers requires the canonical upper-case form.
        return text.Length >= 20 && text[10] == 'T' && !text.Contains('t') && !text.Contains('z')
            && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }
}
