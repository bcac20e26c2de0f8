using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// Writes a document's chunks as arrays (see <see cref="GraphSql"/>). Only the current chunk's node ids are
/// kept: a 250 MB document must not hold an id per node for its whole length; an edge naming a node of an
/// earlier chunk finds it in the table (written earlier in the same transaction).
/// </summary>
internal sealed class ChunkWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId) : IDisposable
{
    private readonly Dictionary<NodeRef, long> _nodeIds = [];

    public PropertyMaps Json { get; } = new();

    /// <summary>Returns how many of <paramref name="nodes"/> were new to the store.</summary>
    public int WriteNodes(IReadOnlyList<NodeRecord> nodes)
    {
        _nodeIds.Clear();
        if (nodes.Count == 0)
        {
            return 0;
        }

        var kinds = new int[nodes.Count];
        var keys = new string?[nodes.Count];
        var names = new string?[nodes.Count];
        var properties = new string?[nodes.Count];
        var live = new string?[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            kinds[i] = (int)node.Kind;
            keys[i] = node.Key;
            names[i] = node.Name;
            properties[i] = Json.Write(node.Properties);
            live[i] = Json.WriteLive(node.Properties);
        }

        using var command = new NpgsqlCommand(GraphSql.WriteNodes, connection, transaction)
            .With(documentId)
            .With(kinds)
            .WithTextArray(keys)
            .WithTextArray(names)
            .WithJsonbArray(properties)
            .WithJsonbArray(live);
        using var reader = command.ExecuteReader();
        var added = 0;
        for (var i = 0; reader.Read(); i++)
        {
            _nodeIds[nodes[i].Ref] = reader.GetInt64(0);
            added += reader.GetBoolean(1) ? 1 : 0;
        }

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
        var kinds = new int[edges.Count];
        var from = new long[edges.Count];
        var to = new long[edges.Count];
        var properties = new string?[edges.Count];
        for (var i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            kinds[i] = (int)edge.Kind;
            from[i] = _nodeIds[edge.From];
            to[i] = _nodeIds[edge.To];
            properties[i] = Json.Write(edge.Properties);
        }

        using var command = new NpgsqlCommand(GraphSql.WriteEdges, connection, transaction)
            .With(documentId)
            .With(kinds)
            .With(from)
            .With(to)
            .WithJsonbArray(properties);
        return (int)command.ExecuteScalar()!;
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

    /// <summary>Adds the ids of edge ends that were not in this chunk's nodes, in one query.</summary>
    private void ResolveEarlierNodes(IReadOnlyList<EdgeRecord> edges)
    {
        var missing = new List<NodeRef>();
        var seen = new HashSet<NodeRef>();
        foreach (var edge in edges)
        {
            if (!_nodeIds.ContainsKey(edge.From) && seen.Add(edge.From))
            {
                missing.Add(edge.From);
            }

            if (!_nodeIds.ContainsKey(edge.To) && seen.Add(edge.To))
            {
                missing.Add(edge.To);
            }
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

        var absent = missing.FirstOrDefault(n => !_nodeIds.ContainsKey(n));
        if (absent != default)
        {
            throw new InvalidOperationException($"Edge end {absent} was not written in this document.");
        }
    }
}
