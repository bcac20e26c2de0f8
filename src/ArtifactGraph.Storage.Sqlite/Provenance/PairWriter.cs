using System.Text;
using ArtifactGraph.Storage.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// Inserts the (row id, document id) pairs of staged documents into one provenance index for a merge, in the
/// index's key order (<see cref="SortedPairs"/>), by multi-row statements of 256 pairs (the tail by 64, 16, 4
/// and 1). In key order each insert lands on or next to the previous one's leaf page, so the whole merge walks
/// the B-tree once; for a new document's fresh rows it appends. Only one batch of pairs is held at a time (a
/// 250 MB SBOM's merge used to sort its ~4.7M pairs in buffered runs of 2M per index: +30 MiB peak, a sort).
/// </summary>
internal sealed class PairWriter : IDisposable
{
    private static readonly int[] BatchSizes = [256, 64, 16, 4, 1];

    private readonly Statement[] _statements;
    private readonly Statement[] _loneStatements;
    private readonly long[] _rows = new long[BatchSizes[0]];
    private readonly long[] _documents = new long[BatchSizes[0]];

    public PairWriter(SqliteConnection connection, string table, string rowColumn)
    {
        _statements = [.. BatchSizes.Select(size => Prepare(connection, table, rowColumn, size, lone: false))];
        _loneStatements = [.. BatchSizes.Select(size => Prepare(connection, table, rowColumn, size, lone: true))];
    }

    /// <summary>Writes every pair of the lists (each sorted and distinct, from different documents); returns how many.</summary>
    public long Write(IReadOnlyList<StagedList> lists)
    {
        if (lists.Count == 1)
        {
            return WriteLone(lists[0]);
        }

        var pairs = new SortedPairs(lists);
        var written = 0L;
        var count = 0;
        while (pairs.TryNext(out _rows[count], out _documents[count]))
        {
            if (++count == _rows.Length)
            {
                Execute(_statements[0], 0, BatchSizes[0], lone: false);
                written += count;
                count = 0;
            }
        }

        return written + WriteTail(_statements, count, lone: false);
    }

    /// <summary>
    /// One document's list, read straight through: its ids are the key order already. The statements take the
    /// document id once (bound before the first batch; a reset keeps bindings), so a batch binds only its rows.
    /// </summary>
    private long WriteLone(StagedList list)
    {
        foreach (var statement in _loneStatements)
        {
            statement.Bind(statement.ParameterCount - 1, list.DocumentId);
        }

        var cursor = new RowIdList.Cursor(list.Ids);
        var written = 0L;
        var count = 0;
        while (cursor.TryNext(out _rows[count]))
        {
            if (++count == _rows.Length)
            {
                Execute(_loneStatements[0], 0, BatchSizes[0], lone: true);
                written += count;
                count = 0;
            }
        }

        return written + WriteTail(_loneStatements, count, lone: true);
    }

    /// <summary>Writes the last, partial batch by the smaller statements; returns its size.</summary>
    private int WriteTail(Statement[] statements, int count, bool lone)
    {
        var offset = 0;
        for (var i = 1; i < BatchSizes.Length; i++)
        {
            while (count - offset >= BatchSizes[i])
            {
                Execute(statements[i], offset, BatchSizes[i], lone);
                offset += BatchSizes[i];
            }
        }

        return count;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Concat(_loneStatements))
        {
            statement.Dispose();
        }
    }

    /// <summary>Binds a batch's pairs (or, for a lone document's statement, its rows) and runs the statement.</summary>
    private void Execute(Statement statement, int offset, int size, bool lone)
    {
        for (var i = 0; i < size; i++)
        {
            if (lone)
            {
                statement.Bind(i, _rows[offset + i]);
            }
            else
            {
                statement.Bind(2 * i, _rows[offset + i]).Bind((2 * i) + 1, _documents[offset + i]);
            }
        }

        statement.Execute();
    }

    /// <summary>
    /// <c>INSERT ... VALUES ($r0, $d0), ($r1, $d1) ...</c>; for a lone document <c>($r0, $d), ($r1, $d) ...</c>,
    /// whose last parameter is the document.
    /// </summary>
    private static Statement Prepare(SqliteConnection connection, string table, string rowColumn, int size, bool lone)
    {
        // ON CONFLICT DO NOTHING: merging a pair already in the index (never expected) changes nothing.
        var sql = new StringBuilder($"INSERT INTO {table} ({rowColumn}, document_id) VALUES ");
        var names = new List<string>();
        for (var i = 0; i < size; i++)
        {
            var document = lone ? "$d" : $"$d{i}";
            names.Add($"$r{i}");
            if (!lone)
            {
                names.Add(document);
            }

            sql.Append(i == 0 ? string.Empty : ", ").Append($"($r{i}, {document})");
        }

        if (lone)
        {
            names.Add("$d");
        }

        sql.Append(" ON CONFLICT DO NOTHING;");
        return new Statement(connection, sql.ToString(), [.. names]);
    }
}
