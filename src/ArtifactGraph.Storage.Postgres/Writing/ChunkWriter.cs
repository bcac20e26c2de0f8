using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// Writes a document's chunks as arrays (see <see cref="GraphSql"/>). A row the store's cache knows, with the
/// same input merged before, is not sent at all: its id is known and merging again would change nothing. Only
/// the current chunk's node ids are kept beside the cache: a 250 MB document must not hold a map entry per node
/// for its whole length; an edge naming a node of an earlier chunk finds it in the cache or the table.
/// </summary>
internal sealed class ChunkWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId, WriterCache cache) : IDisposable
{
    private readonly Dictionary<NodeRef, long> _nodeIds = [];
    private readonly PendingNodes _pendingNodes = new();
    private readonly PendingEdges _pendingEdges = new();
    private readonly List<long> _ids = [];

    public PropertyMaps Json { get; } = new();

    public DocumentProvenance Provenance { get; } = new(connection, transaction, documentId);

    /// <summary>Returns how many of <paramref name="nodes"/> were new to the store.</summary>
    public int WriteNodes(IReadOnlyList<NodeRecord> nodes)
    {
        _nodeIds.Clear();
        _pendingNodes.Clear();
        _ids.Clear();
        foreach (var node in nodes)
        {
            var properties = Json.Write(node.Properties);
            var live = Json.WriteLive(node.Properties);
            var hash = node.Identity;
            var input = InputHash.Of(node.Name, properties);
            // Live keys are latest-wins: another document may have changed them since, so they always go.
            if (live is null && cache.Nodes.TryGet(hash, out var row) && row.Input == input)
            {
                _nodeIds[node.Ref] = row.Id;
                _ids.Add(row.Id);
            }
            else if (!_nodeIds.ContainsKey(node.Ref))
            {
                _nodeIds[node.Ref] = 0;
                _pendingNodes.Add(node, properties, live, hash, input);
            }
        }

        var added = 0;
        if (_pendingNodes.Count > 0)
        {
            var ids = new long[_pendingNodes.Count];
            added = InsertThenMerge.Run(ids, (sql, only) => _pendingNodes.Command(sql, connection, transaction, only), GraphSql.InsertNodes, GraphSql.MergeNodes);
            for (var i = 0; i < ids.Length; i++)
            {
                _nodeIds[_pendingNodes.Refs[i]] = ids[i];
                _ids.Add(ids[i]);
                cache.Nodes.Set(_pendingNodes.Hashes[i], new CachedRow(ids[i], _pendingNodes.Inputs[i]));
            }
        }

        Provenance.AddNodes(_ids);
        return added;
    }

    /// <summary>Returns how many of <paramref name="edges"/> were new to the store.</summary>
    public int WriteEdges(IReadOnlyList<EdgeRecord> edges)
    {
        if (edges.Count == 0)
        {
            return 0;
        }

        ResolveEarlierNodes(edges);
        _pendingEdges.Clear();
        _ids.Clear();
        foreach (var edge in edges)
        {
            var key = new EdgeKey((int)edge.Kind, _nodeIds[edge.From], _nodeIds[edge.To]);
            var properties = Json.Write(edge.Properties);
            var input = InputHash.Of(null, properties);
            if (cache.Edges.TryGet(key, out var row) && row.Input == input)
            {
                _ids.Add(row.Id);
            }
            else
            {
                _pendingEdges.Add(key, properties, input);
            }
        }

        var added = 0;
        if (_pendingEdges.Count > 0)
        {
            var ids = new long[_pendingEdges.Count];
            added = InsertThenMerge.Run(ids, (sql, only) => _pendingEdges.Command(sql, connection, transaction, only), GraphSql.InsertEdges, GraphSql.MergeEdges);
            for (var i = 0; i < ids.Length; i++)
            {
                _ids.Add(ids[i]);
                cache.Edges.Set(_pendingEdges.Keys[i], new CachedRow(ids[i], _pendingEdges.Inputs[i]));
            }
        }

        Provenance.AddEdges(_ids);
        return added;
    }

    public void WriteClaims(IReadOnlyList<ClaimRecord> claims)
    {
        if (claims.Count == 0)
        {
            return;
        }

        using var command = new NpgsqlCommand(GraphSql.WriteClaims, connection, transaction)
            .With(documentId)
            .With(claims.Select(c => (int)c.Kind).ToArray())
            .WithTextArray(claims.Select(c => c.Vulnerability).ToArray())
            .With(claims.Select(c => (int)c.Subject.Kind).ToArray())
            .WithTextArray(claims.Select(c => c.Subject.Key).ToArray())
            .WithTextArray(claims.Select(c => c.Payload).ToArray());
        command.ExecuteNonQuery();
    }

    public void Dispose() => Json.Dispose();

    /// <summary>Adds the ids of edge ends that were not in this chunk's nodes, from the cache or in one query.</summary>
    private void ResolveEarlierNodes(IReadOnlyList<EdgeRecord> edges)
    {
        var missing = new List<NodeRef>();
        foreach (var edge in edges)
        {
            Resolve(edge.From, missing);
            Resolve(edge.To, missing);
        }

        if (missing.Count == 0)
        {
            return;
        }

        using (var command = new NpgsqlCommand(GraphSql.FindNodes, connection, transaction)
            .With(missing.Select(n => (int)n.Kind).ToArray())
            .WithTextArray(missing.Select(n => n.Key).ToArray()))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                _nodeIds[missing[checked((int)reader.GetInt64(0) - 1)]] = reader.GetInt64(1);
            }
        }

        var absent = missing.FirstOrDefault(n => _nodeIds[n] == 0);
        if (absent != default)
        {
            throw new InvalidOperationException($"Edge end {absent} was not written in this document.");
        }
    }

    private void Resolve(NodeRef node, List<NodeRef> missing)
    {
        if (_nodeIds.ContainsKey(node))
        {
            return;
        }

        if (cache.Nodes.TryGet(NodeHash.Of(node), out var row))
        {
            _nodeIds[node] = row.Id;
            return;
        }

        // 0 marks "asked for": no id is 0 (identities start at 1), so a node still 0 after the query is absent.
        _nodeIds[node] = 0;
        missing.Add(node);
    }
}
