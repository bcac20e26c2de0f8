using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// The fields of an operation whose arguments reference a variable, each with the schema field whose
/// argument definitions GraphQL.NET's validator parses them against (its ParseArgumentVisitor, which runs
/// on every request even when the rules are skipped): the operation's selections and every fragment they
/// spread, each fragment once, typed by the enclosing field's named type or the fragment's type condition.
/// GraphQL.NET parses all of them before executing anything, so a value that fails for a field that
/// would never run (a fragment on a type the answer does not meet) still fails the request; the fast
/// path therefore evaluates every field listed here, not only those it reaches.
/// </summary>
internal static class VariableFields
{
    public static List<(GraphQLField Field, FieldType Definition)> Collect(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var found = new List<(GraphQLField, FieldType)>();
        var walk = new Walk(schema, document, found);
        walk.Selections(schema.Query, operation.SelectionSet);
        return found;
    }

    /// <summary>Whether a literal is or contains a variable (inside a list or an input object).</summary>
    public static bool HasVariable(GraphQLValue? value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HasVariable) == true,
        GraphQLObjectValue objectValue => objectValue.Fields?.Any(f => HasVariable(f.Value)) == true,
        _ => false,
    };

    public static bool HasVariable(GraphQLArguments? arguments) => arguments?.Items.Any(a => HasVariable(a.Value)) == true;

    private sealed class Walk(ISchema schema, GraphQLDocument document, List<(GraphQLField, FieldType)> found)
    {
        private readonly HashSet<string> _fragments = new(StringComparer.Ordinal);

        /// <summary><paramref name="type"/>: the enclosing complex type, as the visitor's type stack holds it (null: fields are not looked up).</summary>
        public void Selections(IComplexGraphType? type, GraphQLSelectionSet selections)
        {
            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        Field(type, field);
                        break;
                    case GraphQLInlineFragment inline:
                        Fragment(type, inline.TypeCondition, inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        if (_fragments.Add(spread.FragmentName.Name.StringValue) && document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment)
                        {
                            Fragment(type, fragment.TypeCondition, fragment.SelectionSet);
                        }

                        break;
                }
            }
        }

        private void Field(IComplexGraphType? type, GraphQLField field)
        {
            var definition =
                field.Name.Value == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType :
                field.Name.Value == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType :
                field.Name.Value == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType :
                type?.Fields.Find(field.Name.Value);
            if (definition is null)
            {
                return;
            }

            if (HasVariable(field.Arguments))
            {
                found.Add((field, definition));
            }

            if (field.SelectionSet is { } below)
            {
                switch (definition.ResolvedType?.GetNamedType())
                {
                    case IComplexGraphType complex:
                        Selections(complex, below);
                        break;
                    case UnionGraphType:
                        // As the visitor: a union pushes no type, so its selections keep the enclosing one.
                        Selections(type, below);
                        break;
                }
            }
        }

        private void Fragment(IComplexGraphType? type, GraphQLTypeCondition? condition, GraphQLSelectionSet selections)
        {
            if (condition is null)
            {
                Selections(type, selections);
                return;
            }

            switch (schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
            {
                case IComplexGraphType complex:
                    Selections(complex, selections);
                    break;
                case IAbstractGraphType:
                    Selections(type, selections);
                    break;
            }
        }
    }
}
