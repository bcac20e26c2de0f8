using GraphQL;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>
/// The live schema, printed, equals graph-schema/schema.graphql. To approve a change on purpose, run
/// with ARTIFACTGRAPH_APPROVE_SCHEMA=1 (the test then rewrites the file) and review the diff.
/// </summary>
public sealed class SchemaApprovalTests
{
    [Fact]
    public void Print_LiveSchema_EqualsApprovedFile()
    {
        var schema = new Server.GraphQL.ArtifactGraphSchema();
        schema.Initialize();
        var printed = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(TestSupport.Corpus.RepositoryRoot, "graph-schema", "schema.graphql");

        if (Environment.GetEnvironmentVariable("ARTIFACTGRAPH_APPROVE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        var approved = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(approved == printed, "The schema differs from graph-schema/schema.graphql. Printed schema:\n" + printed);
    }
}
