using System.Globalization;

namespace ArtifactGraph.Cli.CommandLine;

/// <summary>
/// The --as-of option: a date (<c>2026-03-01</c>, meaning the end of that day, UTC: everything known
/// on that day) or a full ISO 8601 time (<c>2026-03-01T12:00:00Z</c>).
/// </summary>
internal static class AsOf
{
    public const string Option = "--as-of";

    public static DateTimeOffset? Parse(CommandArgs args)
    {
        var text = args.Value(Option);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw new UsageException($"{Option} takes a date (2026-03-01) or an ISO 8601 time (2026-03-01T12:00:00Z), not '{text}'");
    }
}
