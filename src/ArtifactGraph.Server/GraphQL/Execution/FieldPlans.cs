using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// The fields GraphQL.NET collects for a selection set on an object type, kept per parsed document
/// (documents are cached by query text: DocumentCache). Collection depends on the request only through
/// @skip/@include and through field merging (a response name selected twice becomes a new field node
/// whose argument values GraphQL.NET files per request), so only a <see cref="Plain"/> document (no
/// directives) is planned, and a selection set whose collection merged fields is not kept.
/// </summary>
internal sealed class FieldPlans
{
    private readonly HashSet<GraphQLField> _fields;
    private readonly ConcurrentDictionary<Key, (GraphQLField Field, FieldType Definition)[]?> _plans = new();

    private FieldPlans(bool plain, HashSet<GraphQLField> fields)
    {
        Plain = plain;
        _fields = fields;
    }

    /// <summary>No directives anywhere: what is collected depends on the document and the type alone.</summary>
    public bool Plain { get; }

    private static readonly ConditionalWeakTable<GraphQLDocument, FieldPlans> Documents = [];

    /// <summary>The plans of <paramref name="document"/>, scanned on first use and kept while it lives.</summary>
    public static FieldPlans For(GraphQLDocument document) => Documents.GetValue(document, Of);

    public static FieldPlans Of(GraphQLDocument document)
    {
        var scan = new Scan();
        scan.VisitAsync(document, scan).AsTask().GetAwaiter().GetResult();
        return new FieldPlans(!scan.HasDirectives, scan.Fields);
    }

    /// <summary>The kept plan (null: collect per request, fields were merged).</summary>
    public bool TryGet(GraphQLSelectionSet selections, IGraphType type, out (GraphQLField Field, FieldType Definition)[]? fields) =>
        _plans.TryGetValue(new Key(selections, type), out fields);

    /// <summary>Keeps what GraphQL.NET collected, unless a field is not the document's own node (a merge).</summary>
    public (GraphQLField Field, FieldType Definition)[]? Add(GraphQLSelectionSet selections, IGraphType type, Dictionary<string, (GraphQLField Field, FieldType FieldType)> collected)
    {
        var fields = new (GraphQLField, FieldType)[collected.Count];
        var i = 0;
        foreach (var (_, (field, definition)) in collected)
        {
            if (!_fields.Contains(field))
            {
                _plans[new Key(selections, type)] = null;
                return null;
            }

            fields[i++] = (field, definition);
        }

        return _plans.GetOrAdd(new Key(selections, type), fields);
    }

    /// <summary>By reference: the same AST node and the same schema type.</summary>
    private readonly struct Key(GraphQLSelectionSet selections, IGraphType type) : IEquatable<Key>
    {
        private readonly GraphQLSelectionSet _selections = selections;
        private readonly IGraphType _type = type;

        public bool Equals(Key other) => ReferenceEquals(_selections, other._selections) && ReferenceEquals(_type, other._type);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_selections), RuntimeHelpers.GetHashCode(_type));
    }

    /// <summary>Every field node of the document, and whether any directive is used.</summary>
    private sealed class Scan : ASTVisitor<Scan>, IASTVisitorContext
    {
        public CancellationToken CancellationToken => default;

        public HashSet<GraphQLField> Fields { get; } = new(ReferenceEqualityComparer.Instance);

        public bool HasDirectives { get; private set; }

        protected override ValueTask VisitFieldAsync(GraphQLField field, Scan context)
        {
            Fields.Add(field);
            return base.VisitFieldAsync(field, context);
        }

        protected override ValueTask VisitDirectiveAsync(GraphQLDirective directive, Scan context)
        {
            HasDirectives = true;
            return base.VisitDirectiveAsync(directive, context);
        }
    }
}
