using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// Compiles a validated document's query operation into a <see cref="QueryPlan"/>: for each selection and
/// concrete object type, the response fields the spec's CollectFields yields (fields with the same response
/// name merged, the first one's arguments kept, their selection sets concatenated; named and inline
/// fragments by type condition, each fragment once), as GraphQL.NET's ExecutionStrategy collects them.
/// Arguments without a variable are parsed here, once; those with one get a slot of the operation's
/// <see cref="VariablePlan"/>, filled per request. With @skip/@include, one root per combination of their
/// outcomes (<see cref="DirectivePlan"/>), each compiled with its combination's fields left out.
/// Not planned (GraphQL.NET executes them as before): mutations and subscriptions, other directives, and
/// introspection fields other than <c>__typename</c>.
/// </summary>
internal sealed class QueryPlanCompiler
{
    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly JsonSerializerOptions _options;
    private readonly VariablePlan? _variables;
    private readonly DirectivePlan? _directives;
    private readonly ulong _included;

    private QueryPlanCompiler(ISchema schema, GraphQLDocument document, JsonSerializerOptions options, VariablePlan? variables, DirectivePlan? directives, ulong included)
    {
        _schema = schema;
        _document = document;
        _options = options;
        _variables = variables;
        _directives = directives;
        _included = included;
    }

    public static QueryPlan Compile(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, JsonSerializerOptions options)
    {
        if (operation.Operation != OperationType.Query || schema.Query is not { } query)
        {
            return new QueryPlan(operation, null);
        }

        DirectivePlan? directives;
        try
        {
            directives = DirectivePlan.For(schema, document, operation);
        }
        catch (NotSupportedException)
        {
            return new QueryPlan(operation, null);
        }

        var variables = VariablePlan.For(schema, document, operation);
        if (directives is null)
        {
            return new QueryPlan(operation, new QueryPlanCompiler(schema, document, options, variables, null, 0).Selection(query, [operation.SelectionSet]), variables);
        }

        return new QueryPlan(operation, null, variables, directives, included => new QueryPlanCompiler(schema, document, options, variables, directives, included).Selection(query, [operation.SelectionSet]));
    }

    /// <summary>The plan of <paramref name="selections"/> (merged) on <paramref name="type"/>, or null when it cannot be planned.</summary>
    public SelectionPlan? Selection(IObjectGraphType type, IReadOnlyList<GraphQLSelectionSet> selections)
    {
        try
        {
            return Fields(type, selections) is { } fields ? new SelectionPlan(type, fields) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private FieldPlan[]? Fields(IObjectGraphType type, IReadOnlyList<GraphQLSelectionSet> selections)
    {
        var collected = new List<(string Name, FieldType Definition, List<GraphQLField> Fields)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selection in selections)
        {
            if (!Collect(type, selection, collected, visited))
            {
                return null;
            }
        }

        var fields = new FieldPlan[collected.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var (name, definition, nodes) = collected[i];
            var (arguments, slot, ok) = Arguments(definition, nodes[0]);
            if (!ok)
            {
                return null;
            }

            var below = nodes.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!).ToList();
            fields[i] = new FieldPlan(this, name, _options, nodes[0], definition, arguments, below) { Slot = slot };
        }

        return fields;
    }

    /// <summary>Adds the fields of <paramref name="selection"/> that apply to <paramref name="type"/>; false when one cannot be planned.</summary>
    private bool Collect(IObjectGraphType type, GraphQLSelectionSet selection, List<(string Name, FieldType Definition, List<GraphQLField> Fields)> collected, HashSet<string> visited)
    {
        foreach (var item in selection.Selections)
        {
            switch (item)
            {
                case GraphQLField field:
                    if (!Included(field))
                    {
                        break;
                    }

                    var definition = Definition(type, field);
                    if (definition is null)
                    {
                        return false;
                    }

                    var name = field.Alias is { } alias ? alias.Name.StringValue : definition.Name;
                    var at = collected.FindIndex(c => c.Name == name);
                    if (at < 0)
                    {
                        collected.Add((name, definition, [field]));
                    }
                    else
                    {
                        collected[at].Fields.Add(field);
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    // As CollectFields: a skipped spread does not count as visited.
                    if (!Included(spread) || !visited.Add(spread.FragmentName.Name.StringValue))
                    {
                        break;
                    }

                    if (_document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment
                        && Matches(fragment.TypeCondition.Type.Name, type)
                        && !Collect(type, fragment.SelectionSet, collected, visited))
                    {
                        return false;
                    }

                    break;
                case GraphQLInlineFragment inline:
                    if (Included(inline) && (inline.TypeCondition is null || Matches(inline.TypeCondition.Type.Name, type)) && !Collect(type, inline.SelectionSet, collected, visited))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Whether this root's combination of @skip/@include outcomes collects the node.</summary>
    private bool Included(ASTNode node) => _directives?.Includes(_included, node) ?? true;

    /// <summary>The schema field, as GraphQL.NET's GetFieldDefinition finds it; null for other introspection fields or an unknown one.</summary>
    private FieldType? Definition(IObjectGraphType type, GraphQLField field)
    {
        if (field.Name.Value == _schema.TypeNameMetaFieldType.Name)
        {
            return _schema.TypeNameMetaFieldType;
        }

        return field.Name.StringValue.StartsWith("__", StringComparison.Ordinal) ? null : type.GetField(field.Name.Value);
    }

    /// <summary>DoesFragmentConditionMatch: the named type itself, or an interface or union it belongs to.</summary>
    private bool Matches(ROM condition, IObjectGraphType type) => _schema.AllTypes[condition] switch
    {
        null => false,
        var same when same.Equals(type) => true,
        IAbstractGraphType abstractType => abstractType.IsPossibleType(type),
        _ => false,
    };

    /// <summary>
    /// The argument values GraphQL.NET's validator parses for a field (only when the document gives some;
    /// otherwise the field's defaults, as the execution context falls back to). Without a variable they
    /// depend on the document alone and are parsed here; with one, the field gets its variable slot (-1:
    /// none) and the defaults are kept for a request whose values come out null.
    /// </summary>
    private (IDictionary<string, ArgumentValue>? Values, int Slot, bool Ok) Arguments(FieldType definition, GraphQLField field)
    {
        if (field.Arguments is not { Count: > 0 })
        {
            return (Defaults(definition), -1, true);
        }

        if (VariableFields.HasVariable(field.Arguments))
        {
            var slot = _variables?.SlotOf(field) ?? -1;
            return (Defaults(definition), slot, slot >= 0);
        }

        try
        {
            // Null when none applies: the execution context then falls back to the defaults too.
            return (ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, Variables.None, _document, field, null) ?? Defaults(definition), -1, true);
        }
        catch (ValidationError)
        {
            return (null, -1, false);
        }
    }

    /// <summary>The field's defaults as GraphQL.NET's FieldTypeDefaultArgumentsVisitor builds them (its table is internal).</summary>
    private static Dictionary<string, ArgumentValue>? Defaults(FieldType definition) =>
        definition.Arguments is { Count: > 0 } arguments ? arguments.ToDictionary(a => a.Name, a => new ArgumentValue(a.DefaultValue, ArgumentSource.FieldDefault)) : null;
}
