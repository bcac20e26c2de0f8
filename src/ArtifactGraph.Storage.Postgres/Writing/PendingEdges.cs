using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// A chunk's edges that go to the server (not cached, or with other properties), as the statement's arrays.
/// An edge asserted twice in one chunk is sent once: both copies would join the one inserted row and count twice.
/// </summary>
internal sealed class PendingEdges
{
    private readonly HashSet<EdgeKey> _seen = [];
    private readonly List<int> _kinds = [];
    private readonly List<long> _from = [];
    private readonly List<long> _to = [];
    private readonly List<string> _properties = [];

    public List<EdgeKey> Keys { get; } = [];

    public List<ulong> Inputs { get; } = [];

    public int Count => Keys.Count;

    public void Add(EdgeKey key, string properties, ulong input)
    {
        if (!_seen.Add(key))
        {
            return;
        }

        Keys.Add(key);
        Inputs.Add(input);
        _kinds.Add(key.Kind);
        _from.Add(key.From);
        _to.Add(key.To);
        _properties.Add(properties);
    }

    public void Clear()
    {
        _seen.Clear();
        Keys.Clear();
        Inputs.Clear();
        _kinds.Clear();
        _from.Clear();
        _to.Clear();
        _properties.Clear();
    }

    /// <summary>The statement over all pending edges, or over those at <paramref name="only"/>.</summary>
    public NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, List<int>? only) =>
        new NpgsqlCommand(sql, connection, transaction)
            .With(_kinds.Pick(only))
            .With(_from.Pick(only))
            .With(_to.Pick(only))
            .WithJsonbArray(_properties.Pick(only));
}
