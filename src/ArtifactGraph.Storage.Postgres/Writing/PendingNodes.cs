using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>A chunk's nodes that go to the server (not cached, changed, or with live keys), as the statement's arrays.</summary>
internal sealed class PendingNodes
{
    private readonly List<int> _kinds = [];
    private readonly List<string> _keys = [];
    private readonly List<string?> _names = [];
    private readonly List<string> _properties = [];
    private readonly List<string?> _live = [];

    public List<NodeRef> Refs { get; } = [];

    public List<UInt128> Hashes { get; } = [];

    public List<ulong> Inputs { get; } = [];

    public int Count => Refs.Count;

    public void Add(NodeRecord node, string properties, string? live, UInt128 hash, ulong input)
    {
        Refs.Add(node.Ref);
        Hashes.Add(hash);
        Inputs.Add(input);
        _kinds.Add((int)node.Kind);
        _keys.Add(node.Key);
        _names.Add(node.Name);
        _properties.Add(properties);
        _live.Add(live);
    }

    public void Clear()
    {
        Refs.Clear();
        Hashes.Clear();
        Inputs.Clear();
        _kinds.Clear();
        _keys.Clear();
        _names.Clear();
        _properties.Clear();
        _live.Clear();
    }

    /// <summary>The statement over all pending nodes, or over those at <paramref name="only"/>.</summary>
    public NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, List<int>? only) =>
        new NpgsqlCommand(sql, connection, transaction)
            .With(_kinds.Pick(only))
            .WithTextArray(_keys.Pick(only))
            .WithTextArray(_names.Pick(only))
            .WithJsonbArray(_properties.Pick(only))
            .WithJsonbArray(_live.Pick(only));
}
