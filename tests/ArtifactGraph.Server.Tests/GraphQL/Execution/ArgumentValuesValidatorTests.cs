using ArtifactGraph.Server.GraphQL;
using ArtifactGraph.Server.GraphQL.Execution;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.Tests.GraphQL.Execution;

/// <summary>Argument values parsed once per operation only when nothing per request can change them.</summary>
public sealed class ArgumentValuesValidatorTests
{
    private static readonly ArtifactGraphSchema Schema = Initialized();

    [Fact]
    public async Task ValidateAsync_RulesSkippedNoVariables_ParsedOnceEachRequestItsOwnTable()
    {
        var (validator, inner) = Create();
        var document = Parse("{ search(text: \"lodash\", first: 3) { totalCount } }");

        var first = await validator.ValidateAsync(Options(document, rules: []));
        var second = await validator.ValidateAsync(Options(document, rules: []));

        Assert.Equal(1, inner.Calls);
        Assert.True(first.IsValid && second.IsValid);
        Assert.NotSame(first.ArgumentValues, second.ArgumentValues);
        var field = Assert.Single(second.ArgumentValues!).Key;
        Assert.Equal("lodash", second.ArgumentValues![field]["text"].Value);
        Assert.Same(Variables.None, second.Variables);
    }

    [Theory]
    [InlineData("query($t: String!) { search(text: $t) { totalCount } }", true)]
    [InlineData("{ search(text: \"a\") @include(if: true) { totalCount } }", true)]
    [InlineData("{ search(text: \"a\") { totalCount } }", false)]
    public async Task ValidateAsync_VariablesDirectivesOrRulesRun_EveryRequestValidated(string query, bool skipRules)
    {
        var (validator, inner) = Create();
        var document = Parse(query);
        var inputs = new Inputs(new Dictionary<string, object?> { ["t"] = "a" });

        await validator.ValidateAsync(Options(document, skipRules ? [] : null, inputs));
        await validator.ValidateAsync(Options(document, skipRules ? [] : null, inputs));

        Assert.Equal(2, inner.Calls);
    }

    private static ArtifactGraphSchema Initialized()
    {
        var schema = new ArtifactGraphSchema();
        schema.Initialize();
        return schema;
    }

    private static GraphQLDocument Parse(string query) => new GraphQLDocumentBuilder().Build(query);

    private static (ArgumentValuesValidator Validator, Counting Inner) Create()
    {
        var inner = new Counting();
        return (new ArgumentValuesValidator(inner), inner);
    }

    private static ValidationOptions Options(GraphQLDocument document, IValidationRule[]? rules, Inputs? variables = null) => new()
    {
        Document = document,
        Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
        Schema = Schema,
        Rules = rules,
        Variables = variables ?? Inputs.Empty,
        Extensions = Inputs.Empty,
        Metrics = global::GraphQL.Instrumentation.Metrics.None,
    };

    private sealed class Counting : IDocumentValidator
    {
        private readonly DocumentValidator _inner = new();

        public int Calls { get; private set; }

        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            Calls++;
            return _inner.ValidateAsync(options);
        }
    }
}
