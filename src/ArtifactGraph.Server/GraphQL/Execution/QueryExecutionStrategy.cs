using GraphQL.Execution;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// How queries execute: GraphQL.NET's serial strategy, with each selection set's fields collected once
/// per document and object type (<see cref="FieldPlans"/>) instead of once per object of the answer.
/// Serial, not GraphQL.NET's default parallel strategy: every query resolver here is synchronous (an
/// index or snapshot read), so parallel only adds its bookkeeping, and it copies the request's argument
/// and directive values into concurrent dictionaries per request. A 50-hit blast-radius page has ~300
/// objects, so the same few selection sets were collected ~300 times per request (docs/BENCHMARKS-HISTORY.md).
/// </summary>
internal sealed class QueryExecutionStrategy : SerialExecutionStrategy
{
    protected override void SetSubFieldNodes(global::GraphQL.Execution.ExecutionContext context, ObjectExecutionNode parent)
    {
        var plans = FieldPlans.For(context.Document);
        var selections = parent.SelectionSet;
        if (!plans.Plain || selections is null)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var type = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (!plans.TryGet(selections, type, out var fields))
        {
            fields = plans.Add(selections, type, CollectFieldsFrom(context, type, selections, null));
        }

        if (fields is null)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var nodes = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            nodes[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }

        parent.SubFields = nodes;
    }
}
