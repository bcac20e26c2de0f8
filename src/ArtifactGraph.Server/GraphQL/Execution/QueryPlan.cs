using System.Text.Json;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// What one query operation of a parsed document asks, compiled once (<see cref="QueryPlanCompiler"/>) and
/// kept on its <see cref="DocumentCache.Entry"/>: the root selection on the Query type (one per
/// combination of @skip/@include outcomes when it has some), or not <see cref="Runnable"/> when the
/// operation is one <see cref="FastExecutor"/> does not run (it then executes through GraphQL.NET as before).
/// </summary>
internal sealed class QueryPlan(GraphQLOperationDefinition operation, SelectionPlan? root, VariablePlan? variables = null, DirectivePlan? directives = null, Func<ulong, SelectionPlan?>? compile = null)
{
    public GraphQLOperationDefinition Operation { get; } = operation;

    /// <summary>The root of an operation without @skip/@include.</summary>
    public SelectionPlan? Root { get; } = root;

    /// <summary>How each request's variables are coerced and which fields' arguments they fill; null when the operation declares none.</summary>
    public VariablePlan? Variables { get; } = variables;

    /// <summary>The operation's @skip/@include conditions; null when it has none.</summary>
    public DirectivePlan? Directives { get; } = directives;

    public bool Runnable => Root is not null || Directives is not null;

    /// <summary>The root for a request's coerced variables; null when that one cannot be planned.</summary>
    public SelectionPlan? RootFor(global::GraphQL.Validation.Variables variables) =>
        Directives is not { } conditions ? Root
        : conditions.TryMask(variables, out var included) ? conditions.Root(included, compile!)
        : null;
}

/// <summary>
/// The response fields of one (merged) selection on one concrete object type, in response order, as
/// GraphQL.NET's CollectFields would produce them.
/// </summary>
internal sealed class SelectionPlan(IObjectGraphType type, FieldPlan[] fields)
{
    public IObjectGraphType Type { get; } = type;

    public FieldPlan[] Fields { get; } = fields;
}

/// <summary>
/// One response field: its name (alias or field name, JSON-encoded once), the schema field, the resolver
/// GraphQL.NET would call (middleware included after schema initialisation), the arguments parsed once
/// (or the slot of those that depend on variables) and the selection sets below it (several when fields with the same response name were merged).
/// </summary>
internal sealed class FieldPlan
{
    private readonly QueryPlanCompiler _compiler;
    private readonly Lock _compiling = new();

    /// <summary>Concrete types met so far and their plans, searched by reference (an interface has a handful).</summary>
    private volatile (IObjectGraphType Type, SelectionPlan Plan)[] _children = [];

    public FieldPlan(QueryPlanCompiler compiler, string name, JsonSerializerOptions options, GraphQLField field, FieldType definition, IDictionary<string, ArgumentValue>? arguments, IReadOnlyList<GraphQLSelectionSet> selections)
    {
        _compiler = compiler;
        Name = JsonEncodedText.Encode(name, options.Encoder);
        Field = field;
        Definition = definition;
        Resolver = definition.Resolver ?? NameFieldResolver.Instance;
        Read = SourceResolvers.ReadOf(definition);
        Arguments = arguments;
        Selections = selections;
        Completion = Completion.Of(definition.ResolvedType ?? throw new NotSupportedException($"{definition.Name} has no resolved type"));
    }

    public JsonEncodedText Name { get; }

    /// <summary>The first field node of the response name (GraphQL.NET keeps the first one's arguments when merging).</summary>
    public GraphQLField Field { get; }

    public FieldType Definition { get; }

    public IFieldResolver Resolver { get; }

    /// <summary>For a field resolved from its parent value alone (<see cref="SourceResolvers"/>): that read, called without a resolve context.</summary>
    public Func<object?, object?>? Read { get; }

    /// <summary>Parsed once; for a field with a variable slot, the defaults used when the request's values are null.</summary>
    public IDictionary<string, ArgumentValue>? Arguments { get; }

    /// <summary>The <see cref="VariablePlan"/> slot holding this field's arguments per request; -1 when they are <see cref="Arguments"/>.</summary>
    public int Slot { get; init; } = -1;

    public IReadOnlyList<GraphQLSelectionSet> Selections { get; }

    public Completion Completion { get; }

    /// <summary>
    /// The plan of this field's selection on the concrete <paramref name="type"/> its value resolved to,
    /// compiled on first use (an interface field compiles only the types its answers have); null when
    /// that selection cannot be planned.
    /// </summary>
    public SelectionPlan? For(IObjectGraphType type)
    {
        foreach (var (known, plan) in _children)
        {
            if (ReferenceEquals(known, type))
            {
                return plan;
            }
        }

        return Add(type);
    }

    private SelectionPlan? Add(IObjectGraphType type)
    {
        lock (_compiling)
        {
            foreach (var (known, kept) in _children)
            {
                if (ReferenceEquals(known, type))
                {
                    return kept;
                }
            }

            // Not kept when it is not a possible type of an interface or union field (ValidateNodeResult's
            // check, done once per type here) or cannot be planned: those requests go to GraphQL.NET anyway.
            var named = Completion;
            while (named.Item is { } item)
            {
                named = item;
            }

            if ((named.AbstractType is { } abstractType && !abstractType.IsPossibleType(type)) || _compiler.Selection(type, Selections) is not { } plan)
            {
                return null;
            }

            _children = [.. _children, (type, plan)];
            return plan;
        }
    }
}
