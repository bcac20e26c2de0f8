using System.Runtime.CompilerServices;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// The nodes written outside the unique (kind, key) index (migration 010), by <see cref="NodeHash"/>. A node inserted
/// into that index in its document's transaction landed on a random leaf page, and every such page was a page of the
/// commit's write-ahead log: 61% of a tier M commit's. New nodes are appended with staged = 1 instead, and this map is
/// what keeps them unique: the writer looks here before the index, and inserts only what neither holds.
/// <see cref="Merge"/> moves every staged node into the index in one statement once <see cref="Limit"/> are staged,
/// so each leaf it touches takes many keys at once.
/// The map also holds the staged nodes of other processes: <see cref="Refresh"/> reads those staged since it last
/// looked, at the start of each transaction (under the database's write lock, so none can be added meanwhile).
/// </summary>
internal sealed class StagedNodes : IDisposable
{
    private readonly Statement _since;
    private readonly Statement _merge;
    private readonly IdentityTable<long> _ids = new(int.MaxValue);

    // The highest staged id the map has read or added: ids only grow, so what another process staged is above it.
    private long _seen;

    public StagedNodes(SqliteConnection connection, int limit)
    {
        Limit = limit;
        _since = new Statement(connection, "SELECT id, kind, key FROM nodes WHERE staged = 1 AND id > $after ORDER BY id;", "$after");
        _merge = new Statement(connection, "UPDATE nodes SET staged = 0 WHERE staged = 1;");
    }

    /// <summary>How many staged nodes <see cref="Merge"/> waits for (<see cref="SqliteStoreOptions.NodeMergeRows"/>).</summary>
    public int Limit { get; }

    /// <summary>The staged nodes the map holds.</summary>
    public int Count => _ids.Count;

    /// <summary>Whether the next insert should first merge what is staged.</summary>
    public bool Full => _ids.Count >= Limit;

    /// <summary>Reads the nodes staged since the last look (another process's, or all of them after <see cref="Forget"/>).</summary>
    public void Refresh() =>
        _since.Bind(0, _seen).ForEachRow((id, kind, key) => Add(NodeHash.Of(new NodeRef((NodeKind)kind, key!)), id));

    public bool TryGet(UInt128 hash, out long id)
    {
        ref var found = ref _ids.Find(hash);
        if (Unsafe.IsNullRef(ref found))
        {
            id = 0;
            return false;
        }

        id = found;
        return true;
    }

    /// <summary>A node just inserted with staged = 1, in the open transaction.</summary>
    public void Add(UInt128 hash, long id)
    {
        _ids.Set(hash, id);
        _seen = Math.Max(_seen, id);
    }

    /// <summary>
    /// Moves every staged node into the unique index, in the open transaction, and empties the map. A key staged twice
    /// would fail here with a constraint error naming the index, rather than be stored twice.
    /// </summary>
    public int Merge()
    {
        var merged = _merge.Execute();
        _ids.Clear();
        return merged;
    }

    /// <summary>After a rollback: the map may hold rows that no longer exist, so it is read again at the next transaction.</summary>
    public void Forget()
    {
        _ids.Clear();
        _seen = 0;
    }

    public void Dispose()
    {
        _since.Dispose();
        _merge.Dispose();
    }
}
