using System.Globalization;

namespace ArtifactGraph.Storage.Sqlite;

/// <summary>Timestamps are stored as round-trip ISO 8601 text so they sort, read well and keep their offset.</summary>
internal static class SqliteTimestamps
{
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>UTC, fixed width: text order is time order, whatever offset the document used.</summary>
    public static string FormatSortable(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
