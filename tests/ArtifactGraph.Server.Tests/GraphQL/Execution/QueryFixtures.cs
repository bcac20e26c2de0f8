namespace ArtifactGraph.Server.Tests.GraphQL.Execution;

/// <summary>
/// The requests of Fixtures/queries, enumerated from the files: <c>NAME.graphql</c> is a query, posted with
/// <c>NAME.variables.json</c> when there is one (case <c>NAME</c>); each <c>NAME.CASE.variables.json</c> is
/// the same document posted with other variables (case <c>NAME.CASE</c>). Cases named
/// <c>NAME.rejected-*</c> carry variables GraphQL.NET refuses (wrong type, missing or null non-null value,
/// unknown enum value or input field).
/// </summary>
internal static class QueryFixtures
{
    private const string VariablesSuffix = ".variables.json";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "queries");

    /// <summary>Every case, in ordinal order (a query before its other variables).</summary>
    public static IEnumerable<string> Cases()
    {
        var queries = Directory.GetFiles(Folder, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!);
        var variables = Directory.GetFiles(Folder, "*" + VariablesSuffix).Select(f => Path.GetFileName(f)![..^VariablesSuffix.Length]);
        return queries.Union(variables, StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    /// <summary>The query a case posts (the part of its name before the first dot).</summary>
    public static string QueryOf(string name) => name.Split('.')[0];

    public static bool IsRejected(string name) => name.Contains(".rejected-", StringComparison.Ordinal);

    /// <summary>The query text and the variables JSON (null: none) of a case.</summary>
    public static (string Query, string? Variables) Read(string name)
    {
        var variables = Path.Combine(Folder, name + VariablesSuffix);
        return (File.ReadAllText(Path.Combine(Folder, QueryOf(name) + ".graphql")), File.Exists(variables) ? File.ReadAllText(variables) : null);
    }
}
