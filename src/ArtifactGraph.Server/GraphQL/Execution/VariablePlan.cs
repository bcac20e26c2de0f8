using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// What a request's variables change in a planned operation, and how they are coerced. Compiled once per
/// (document, operation): the fields whose arguments reference a variable (<see cref="VariableFields"/>),
/// each given a slot. Per request: the variables coerced by GraphQL.NET's own
/// <see cref="ValidationContext.GetVariablesValuesAsync"/> (what its validator runs on every request:
/// types, defaults, nullability, input objects, lists, enums, scalars' ParseValue), then those fields'
/// arguments by <see cref="ExecutionHelper.GetArguments"/> with the coerced values, as its argument parser
/// does. Any error gives null, and GraphQL.NET runs the request and reports it in its own words.
/// </summary>
internal sealed class VariablePlan
{
    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly GraphQLOperationDefinition _operation;
    private readonly (GraphQLField Field, FieldType Definition)[] _fields;
    private readonly Dictionary<GraphQLField, int> _slots;

    /// <summary>
    /// Contexts kept for reuse: a context walks the operation once for its variables' usages (whether a
    /// nullable variable sits where a non-null value is required) and keeps that walk for the operation,
    /// so a reused one skips it. One per concurrent request at most.
    /// </summary>
    private readonly ConcurrentBag<ValidationContext> _contexts = [];

    private VariablePlan(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, List<(GraphQLField Field, FieldType Definition)> fields)
    {
        _schema = schema;
        _document = document;
        _operation = operation;
        _fields = [.. fields];
        _slots = new Dictionary<GraphQLField, int>(_fields.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _fields.Length; i++)
        {
            _slots[_fields[i].Field] = i;
        }
    }

    /// <summary>The plan of an operation that declares variables; null when it declares none.</summary>
    public static VariablePlan? For(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation) =>
        operation.Variables is { Items.Count: > 0 } ? new VariablePlan(schema, document, operation, VariableFields.Collect(schema, document, operation)) : null;

    /// <summary>Fields whose arguments are evaluated per request.</summary>
    public int Count => _fields.Length;

    /// <summary>The slot of a field whose arguments reference a variable, or -1 when it is not one GraphQL.NET parses as such.</summary>
    public int SlotOf(GraphQLField field) => _slots.TryGetValue(field, out var slot) ? slot : -1;

    /// <summary>The request's coerced variables and the arguments of every slot (null in a slot: the field's defaults apply); null on any error.</summary>
    public VariableValues? Coerce(Inputs? inputs)
    {
        if (!_contexts.TryTake(out var context))
        {
            context = new ValidationContext { Schema = _schema, Document = _document, Operation = _operation };
        }

        context.Variables = inputs ?? Inputs.Empty;
        Variables variables;
        try
        {
            var pending = context.GetVariablesValuesAsync();
            if (!pending.IsCompletedSuccessfully)
            {
                // Faulted (a parser threw something other than a validation error), or pending, which it never is
                // without a variable visitor: not ours to wait for, and the context is dropped with it.
                _ = pending.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                return null;
            }

            (variables, var errors) = pending.Result;
            context.Variables = Inputs.Empty;
            _contexts.Add(context);
            if (errors is { Count: > 0 })
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }

        var arguments = new IDictionary<string, ArgumentValue>?[_fields.Length];
        try
        {
            for (var i = 0; i < _fields.Length; i++)
            {
                var (field, definition) = _fields[i];
                arguments[i] = ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, variables, _document, field, null);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }

        return new VariableValues(variables, arguments);
    }
}

/// <summary>One request's coerced variables and the argument values of its plan's variable slots.</summary>
internal sealed record VariableValues(Variables Variables, IDictionary<string, ArgumentValue>?[] Arguments);
