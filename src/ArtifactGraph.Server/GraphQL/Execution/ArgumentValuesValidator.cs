using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's validator, which also parses every field's arguments for execution on every request
/// (a walk of the whole document, ~50 µs for the bench's blast-radius page, about a fifth of executing
/// it) even when the rules are skipped for a document validated before (DocumentCache). When the rules
/// are skipped, the operation declares no variables and the document uses no directive, those values
/// depend on the document alone: they are parsed once per operation and each request gets its own copy
/// of the table (GraphQL.NET adds entries to it when it merges fields).
/// </summary>
internal sealed class ArgumentValuesValidator(IDocumentValidator inner) : IDocumentValidator
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Kept> _kept = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        var reusable = options.Rules is ICollection<IValidationRule> { Count: 0 }
            && options.Operation.Variables is not { Items.Count: > 0 }
            && FieldPlans.For(options.Document).Plain;
        if (!reusable)
        {
            return inner.ValidateAsync(options);
        }

        return _kept.TryGetValue(options.Operation, out var kept)
            ? Task.FromResult<IValidationResult>(kept.Result())
            : ValidateAndKeepAsync(options);
    }

    private async Task<IValidationResult> ValidateAndKeepAsync(ValidationOptions options)
    {
        var result = await inner.ValidateAsync(options).ConfigureAwait(false);
        if (result.IsValid && result.DirectiveValues is null && (result.Variables is null || ReferenceEquals(result.Variables, Variables.None)))
        {
            _kept.AddOrUpdate(options.Operation, new Kept(result.ArgumentValues is null ? null : new(result.ArgumentValues)));
        }

        return result;
    }

    private sealed class Kept(Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments)
    {
        public ValidationResult Result() => new()
        {
            Variables = Variables.None,
            ArgumentValues = arguments is null ? null : new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>(arguments),
        };
    }
}
