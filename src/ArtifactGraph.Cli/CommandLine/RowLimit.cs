using Spectre.Console;

namespace ArtifactGraph.Cli.CommandLine;

/// <summary>
/// The --limit option of the listing commands' text output: at most this many rows per table, in the order
/// the answer ranks them, and a line saying how many more. A popular package reaches thousands of package
/// versions; rendering them all took seconds, most of such a command's time, and buried the first rows a
/// responder reads. --json is for programs and always lists everything.
/// </summary>
internal static class RowLimit
{
    public const string Option = "--limit";

    public const int Default = 50;

    /// <summary>The rows a table may show: <see cref="Default"/> unless given; 0 means every row.</summary>
    public static int Parse(CommandArgs args)
    {
        var limit = args.IntValue(Option) ?? Default;
        return limit switch
        {
            < 0 => throw new UsageException($"{Option} must be 0 (every row) or more"),
            0 => int.MaxValue,
            _ => limit,
        };
    }

    /// <summary>After a table cut at <paramref name="limit"/> rows of <paramref name="total"/>: how many were left out, and how to see them.</summary>
    public static void WriteMore(IAnsiConsole console, int total, int limit, string noun)
    {
        if (total > limit)
        {
            console.WriteLine($"… and {total - limit:N0} more {noun}: {Option} 0 lists every row, --json gives everything.");
        }
    }
}
