using System.Collections.Concurrent;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// The @skip/@include conditions of a planned operation. Which fields are collected depends on them, so the
/// plan is one root per combination of outcomes (a bit per field, fragment spread or inline fragment that
/// carries one), compiled on first use and kept, a few combinations at most. Per request the conditions are
/// evaluated with the request's coerced variables by GraphQL.NET's own <see cref="ExecutionHelper.GetDirectives"/>,
/// then read as its ExecutionStrategy.ShouldIncludeNode reads them (skip if true, else include if false).
/// Only @skip and @include on fields, spreads and inline fragments are planned; any other directive, or one
/// on the operation or a fragment definition, leaves the operation to GraphQL.NET.
/// </summary>
internal sealed class DirectivePlan
{
    /// <summary>Combinations kept per operation; a client cycling through more runs the rest on GraphQL.NET.</summary>
    private const int MaxRoots = 16;

    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly IHasDirectivesNode[] _nodes;
    private readonly Dictionary<ASTNode, int> _bits;
    private readonly ConcurrentDictionary<ulong, SelectionPlan?> _roots = new();

    private DirectivePlan(ISchema schema, GraphQLDocument document, List<IHasDirectivesNode> nodes)
    {
        _schema = schema;
        _document = document;
        _nodes = [.. nodes];
        _bits = new Dictionary<ASTNode, int>(_nodes.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _nodes.Length; i++)
        {
            _bits[(ASTNode)_nodes[i]] = i;
        }
    }

    /// <summary>
    /// The conditions of the operation and the fragments it spreads; null when it has none. Throws
    /// <see cref="NotSupportedException"/> for a directive it does not plan.
    /// </summary>
    public static DirectivePlan? For(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Directives is { Count: > 0 } || operation.Variables?.Items.Any(v => v.Directives is { Count: > 0 }) == true)
        {
            throw new NotSupportedException("a directive on the operation");
        }

        var nodes = new List<IHasDirectivesNode>();
        Scan(schema, document, operation.SelectionSet, nodes, new HashSet<string>(StringComparer.Ordinal));
        return nodes.Count switch
        {
            0 => null,
            > 64 => throw new NotSupportedException("more conditions than a mask holds"),
            _ => new DirectivePlan(schema, document, nodes),
        };
    }

    /// <summary>The outcome of every condition for these variables (bit set: included); false on any error.</summary>
    public bool TryMask(Variables variables, out ulong mask)
    {
        mask = 0;
        try
        {
            for (var i = 0; i < _nodes.Length; i++)
            {
                var directives = ExecutionHelper.GetDirectives(_nodes[i], variables, _schema, _document);
                var skipped = directives is not null
                    && ((directives.TryGetValue(_schema.Directives.Skip.Name, out var skip) && (bool)skip.Arguments["if"].Value!)
                        || (directives.TryGetValue(_schema.Directives.Include.Name, out var include) && !(bool)include.Arguments["if"].Value!));
                if (!skipped)
                {
                    mask |= 1UL << i;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>Whether a field, spread or inline fragment is collected under <paramref name="mask"/>.</summary>
    public bool Includes(ulong mask, ASTNode node) => !_bits.TryGetValue(node, out var bit) || ((mask >> bit) & 1) != 0;

    /// <summary>The root kept for <paramref name="mask"/>, compiled by <paramref name="compile"/> on first use; null when it cannot be planned or too many are kept.</summary>
    public SelectionPlan? Root(ulong mask, Func<ulong, SelectionPlan?> compile)
    {
        if (_roots.TryGetValue(mask, out var root))
        {
            return root;
        }

        if (_roots.Count >= MaxRoots)
        {
            return null;
        }

        try
        {
            return _roots.GetOrAdd(mask, compile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the compiler did not foresee: GraphQL.NET executes this combination, as for a whole operation.
            return null;
        }
    }

    private static void Scan(ISchema schema, GraphQLDocument document, GraphQLSelectionSet selections, List<IHasDirectivesNode> nodes, HashSet<string> fragments)
    {
        foreach (var selection in selections.Selections)
        {
            if (selection is IHasDirectivesNode { Directives: { Count: > 0 } directives } node)
            {
                foreach (var directive in directives.Items)
                {
                    if (directive.Name.Value != schema.Directives.Skip.Name && directive.Name.Value != schema.Directives.Include.Name)
                    {
                        throw new NotSupportedException($"the directive @{directive.Name.StringValue}");
                    }
                }

                nodes.Add(node);
            }

            switch (selection)
            {
                case GraphQLField { SelectionSet: { } below }:
                    Scan(schema, document, below, nodes, fragments);
                    break;
                case GraphQLInlineFragment inline:
                    Scan(schema, document, inline.SelectionSet, nodes, fragments);
                    break;
                case GraphQLFragmentSpread spread when fragments.Add(spread.FragmentName.Name.StringValue):
                    if (document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment)
                    {
                        if (fragment.Directives is { Count: > 0 })
                        {
                            throw new NotSupportedException("a directive on a fragment definition");
                        }

                        Scan(schema, document, fragment.SelectionSet, nodes, fragments);
                    }

                    break;
            }
        }
    }
}
