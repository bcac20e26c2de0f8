using System.Globalization;

namespace ArtifactGraph.Storage.Sqlite;

/// <summary>Timestamps are stored as round-trip ISO 8601 text so they sort, read well and keep their offset.</summary>
internal static class SqliteTimestamps
{
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
