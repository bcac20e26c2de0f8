using System.Globalization;
using System.Text;
using ArtifactGraph.Server.GraphQL.Models;
using GraphQL;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// Relay paging by offset: a cursor is base64 of <c>offset:N</c>. Within one request the snapshot is
/// fixed, so offsets are exact; across requests a commit can shift later pages (documented in README).
/// </summary>
internal static class Paging
{
    /// <summary>The page of <paramref name="total"/> items that <c>first</c>/<c>after</c> ask for; items are built only for the page.</summary>
    public static ConnectionModel Slice(IResolveFieldContext context, int total, Func<int, object> itemAt)
    {
        var options = context.Request().Options;
        var first = context.GetArgument<int?>("first") ?? options.DefaultPageSize;
        if (first < 0 || first > options.MaxPageSize)
        {
            throw new ExecutionError($"first must be between 0 and {options.MaxPageSize} (the page size limit), not {first}") { Code = "PAGE_SIZE_EXCEEDED" };
        }

        var start = context.GetArgument<string?>("after") is { } after ? Decode(after) + 1 : 0;
        var end = (int)Math.Min((long)start + first, total);
        var edges = new List<EdgeModel>(Math.Max(0, end - start));
        for (var i = start; i < end; i++)
        {
            edges.Add(new EdgeModel(Encode(i), itemAt(i)));
        }

        return new ConnectionModel(total, edges, end < total);
    }

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new ExecutionError($"'{cursor}' is not a cursor this server issued") { Code = "BAD_CURSOR" };
    }
}
