using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// Parsed documents by query text, so a client repeating a query (the usual case: dashboards, scripts,
/// persisted queries) is not parsed and validated again on every request. A document is marked validated
/// after GraphQL.NET has executed it once (validation passed); later executions then skip the schema
/// validation rules, as GraphQL.NET's own MemoryDocumentCache does: the rules depend only on the document
/// and the schema (a singleton). Variables are still coerced, and our limits (QueryLimits, which depend on
/// variables) and role checks (field middleware, per caller) still run on every request.
/// Bounded: long query texts are not cached, and the cache is emptied when full, so unique queries from a
/// hostile client cost memory up to the bound only.
/// </summary>
internal sealed class DocumentCache(int capacity = DocumentCache.DefaultCapacity, int maxQueryLength = DocumentCache.DefaultMaxQueryLength)
{
    public const int DefaultCapacity = 1_000;

    public const int DefaultMaxQueryLength = 16 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>A parsed document, shared by every request with the same query text (the AST is read-only).</summary>
    internal sealed class Entry(GraphQLDocument document)
    {
        private volatile bool _validated;

        public GraphQLDocument Document { get; } = document;

        public bool Validated => _validated;

        public void MarkValidated() => _validated = true;

        /// <summary>The compiled plan of the operation last run from this document (FastExecutor), if any.</summary>
        public Execution.QueryPlan? Plan { get; set; }
    }

    public Entry? Find(string query) => _entries.GetValueOrDefault(query);

    /// <summary>Caches <paramref name="document"/> for <paramref name="query"/>; returns the entry to use (uncached when too long).</summary>
    public Entry Add(string query, GraphQLDocument document)
    {
        var entry = new Entry(document);
        if (query.Length > maxQueryLength)
        {
            return entry;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(query, entry);
    }
}
