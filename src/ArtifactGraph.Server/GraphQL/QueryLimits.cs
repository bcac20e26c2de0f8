using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// Static limits checked on the parsed document before anything executes: depth, node budget
/// (fields × page sizes), page size, aliases and field count. Fragments are expanded as they are used,
/// with the walk stopping as soon as a limit is passed, so a fragment "billion laughs" costs nothing.
/// Fields are typed against the schema to know which are connections (a page multiplies what is under it).
/// </summary>
internal sealed class QueryLimits(ISchema schema, ServerOptions options)
{
    public sealed record Violation(string Code, string Message);

    public Violation? Check(GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());
        var walk = new Walk(schema, options, fragments, variables);
        IComplexGraphType? root = operation.Operation == OperationType.Mutation ? schema.Mutation : schema.Query;
        walk.Visit(operation.SelectionSet, root, depth: 1, multiplier: 1, []);
        return walk.Violation;
    }

    private sealed class Walk(ISchema schema, ServerOptions options, Dictionary<string, GraphQLFragmentDefinition> fragments, Inputs? variables)
    {
        private int _fields;
        private int _aliases;
        private long _cost;

        public Violation? Violation { get; private set; }

        public void Visit(GraphQLSelectionSet? selections, IComplexGraphType? type, int depth, long multiplier, HashSet<string> inFragments)
        {
            if (selections is null || Violation is not null)
            {
                return;
            }

            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        VisitField(field, type, depth, multiplier, inFragments);
                        break;
                    case GraphQLInlineFragment inline:
                        Visit(inline.SelectionSet, TypeNamed(inline.TypeCondition?.Type.Name.StringValue) ?? type, depth, multiplier, inFragments);
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        if (fragments.TryGetValue(name, out var fragment) && inFragments.Add(name))
                        {
                            Visit(fragment.SelectionSet, TypeNamed(fragment.TypeCondition.Type.Name.StringValue) ?? type, depth, multiplier, inFragments);
                            inFragments.Remove(name);
                        }

                        break;
                }

                if (Violation is not null)
                {
                    return;
                }
            }
        }

        private void VisitField(GraphQLField field, IComplexGraphType? parent, int depth, long multiplier, HashSet<string> inFragments)
        {
            if (depth > options.MaxQueryDepth)
            {
                Violation = new("MAX_DEPTH_EXCEEDED", $"the query nests deeper than {options.MaxQueryDepth} levels (field '{field.Name.StringValue}')");
                return;
            }

            if (field.Alias is not null && ++_aliases > options.MaxAliases)
            {
                Violation = new("MAX_ALIASES_EXCEEDED", $"the query uses more than {options.MaxAliases} aliases");
                return;
            }

            if (++_fields > options.MaxFields)
            {
                Violation = new("MAX_FIELDS_EXCEEDED", $"the query selects more than {options.MaxFields} fields (fragments expanded)");
                return;
            }

            _cost += multiplier;
            if (_cost > options.MaxComplexity)
            {
                Violation = new("MAX_COMPLEXITY_EXCEEDED", $"the query could touch more than {options.MaxComplexity:N0} nodes (each field counts once per item of the pages above it); ask for smaller pages or fewer fields");
                return;
            }

            var definition = parent?.GetField(field.Name.StringValue);
            var fieldType = definition?.ResolvedType?.GetNamedType() as IComplexGraphType;
            var pageSize = PageSize(field, definition);
            if (Violation is null)
            {
                Visit(field.SelectionSet, fieldType, depth + 1, multiplier * pageSize, inFragments);
            }
        }

        /// <summary>How many items the field's value holds at most: <c>first</c>, the default page, or 1.</summary>
        private long PageSize(GraphQLField field, FieldType? definition)
        {
            var first = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "first")?.Value;
            long? size = first switch
            {
                GraphQLIntValue literal when long.TryParse(literal.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
                GraphQLVariable variable when variables?.TryGetValue(variable.Name.StringValue, out var value) == true => AsLong(value),
                _ => null,
            };
            if (size > options.MaxPageSize)
            {
                Violation = new("PAGE_SIZE_EXCEEDED", $"first must be between 0 and {options.MaxPageSize} (the page size limit), not {size} (field '{field.Name.StringValue}')");
                return 1;
            }

            var ids = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "ids")?.Value as GraphQLListValue;
            if (ids?.Values is { } values)
            {
                return Math.Max(1, values.Count);
            }

            var isConnection = definition?.ResolvedType?.GetNamedType().Name.EndsWith("Connection", StringComparison.Ordinal) == true;
            return isConnection ? Math.Max(1, size ?? options.DefaultPageSize) : 1;
        }

        private static long? AsLong(object? value) => value switch
        {
            int i => i,
            long l => l,
            double d when d == Math.Floor(d) && Math.Abs(d) < long.MaxValue => (long)d,
            decimal m when m == decimal.Floor(m) && Math.Abs(m) < long.MaxValue => (long)m,
            System.Numerics.BigInteger b when b <= long.MaxValue && b >= long.MinValue => (long)b,
            System.Numerics.BigInteger b => b > 0 ? long.MaxValue : long.MinValue,
            _ => null,
        };

        private IComplexGraphType? TypeNamed(string? name) => name is null ? null : schema.AllTypes[name] as IComplexGraphType;
    }
}
