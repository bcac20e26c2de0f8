using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Migrations;

/// <summary>
/// A query's two integer columns, row by row, read one ahead: the migrations' streams of (document, row) or (row,
/// document) pairs out of the old per-pair tables, so only the pair at hand is held.
/// </summary>
internal sealed class PairStream : IPairSource, IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteDataReader _reader;
    private bool _has;

    public PairStream(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _reader = _command.ExecuteReader();
        _has = _reader.Read();
    }

    /// <summary>The next row's two columns, or false once there are none.</summary>
    public bool TryNext(out long first, out long second)
    {
        (first, second) = _has ? (_reader.GetInt64(0), _reader.GetInt64(1)) : (0, 0);
        var had = _has;
        _has = _has && _reader.Read();
        return had;
    }

    /// <summary>
    /// Hands the second column of every row whose first is <paramref name="first"/> to <paramref name="add"/>, skipping
    /// rows with a smaller first column (the query is ordered by it).
    /// </summary>
    public void Take(long first, Action<long> add)
    {
        while (_has && _reader.GetInt64(0) <= first)
        {
            if (_reader.GetInt64(0) == first)
            {
                add(_reader.GetInt64(1));
            }

            _has = _reader.Read();
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
    }
}
