using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// A statement prepared once on the writer connection's native handle and reused for every row.
/// The commit hot path runs hundreds of thousands of these per document; going through SQLitePCL
/// directly avoids the per-execution data-reader machinery of SqliteCommand (measured ~1.7× the CPU), and the
/// per-row calls skip SQLitePCL too (<see cref="NativeStatement"/>).
/// Statements run inside the SqliteTransaction the writer opened on the same connection.
/// Parameters are bound by their position in the constructor's list.
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    // The handles' pointers for NativeStatement's calls; valid while this object holds the handles (until Dispose).
    private readonly IntPtr _dbPointer;
    private readonly IntPtr _statementPointer;
    private const int MaxBufferedChars = 4096;

    private readonly int[] _indexes;
    private byte[] _utf8 = new byte[256];

    public Statement(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement, out var tail));
        if (!string.IsNullOrWhiteSpace(tail))
        {
            throw new ArgumentException($"Only one SQL statement is allowed; found trailing '{tail}'.", nameof(sql));
        }

        _dbPointer = _db.DangerousGetHandle();
        _statementPointer = _statement.DangerousGetHandle();
        _indexes = new int[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, parameterNames[i]);
            if (_indexes[i] == 0)
            {
                throw new ArgumentException($"Parameter {parameterNames[i]} does not occur in: {sql}", nameof(parameterNames));
            }
        }
    }

    /// <summary>How many parameters the constructor named.</summary>
    public int ParameterCount => _indexes.Length;

    public Statement Bind(int position, long value)
    {
        Check(NativeStatement.BindInt64(_statementPointer, _indexes[position], value));
        return this;
    }

    public Statement Bind(int position, long? value) =>
        value is { } v ? Bind(position, v) : BindNull(position);

    public Statement Bind(int position, string? value)
    {
        if (value is null)
        {
            return BindNull(position);
        }

        // SQLitePCL's string overload allocates a zero-terminated UTF-8 copy per bind; short text is encoded into
        // this statement's buffer instead (SQLite copies it: SQLITE_TRANSIENT). Empty text keeps the string
        // overload, because an empty span is bound as NULL.
        if (value.Length is 0 or > MaxBufferedChars)
        {
            Check(raw.sqlite3_bind_text(_statement, _indexes[position], value));
            return this;
        }

        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        }

        return BindUtf8(position, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8)));
    }

    /// <summary>Binds UTF-8 text as given (SQLite copies it), e.g. <see cref="PropertyJson.WriteUtf8"/>'s output.</summary>
    public Statement BindUtf8(int position, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return Bind(position, string.Empty);
        }

        Check(NativeStatement.BindText(_statementPointer, _indexes[position], value));
        return this;
    }

    public Statement BindNull(int position)
    {
        Check(NativeStatement.BindNull(_statementPointer, _indexes[position]));
        return this;
    }

    public Statement Bind(int position, byte[] value)
    {
        Check(raw.sqlite3_bind_blob(_statement, _indexes[position], value));
        return this;
    }

    /// <summary>Binds a blob (SQLite copies it); an empty span is bound as an empty blob, not NULL.</summary>
    public Statement BindBlob(int position, ReadOnlySpan<byte> value)
    {
        Check(value.IsEmpty
            ? raw.sqlite3_bind_zeroblob(_statement, _indexes[position], 0)
            : NativeStatement.BindBlob(_statementPointer, _indexes[position], value));
        return this;
    }

    /// <summary>Runs the statement to completion; returns the rows it changed.</summary>
    public int Execute()
    {
        Run(out _, out _, out _);
        return NativeStatement.Changes(_dbPointer);
    }

    /// <summary>The rowid of the last row the connection inserted.</summary>
    public long LastInsertRowId() => NativeStatement.LastInsertRowId(_dbPointer);

    /// <summary>Runs an INSERT ... ON CONFLICT DO NOTHING; returns the new row's id, or null when it conflicted.</summary>
    public long? ExecuteInsert() => Execute() == 0 ? null : LastInsertRowId();

    /// <summary>The first column of the first row, or null when the statement returned no row.</summary>
    public long? ExecuteInt64() => Run(out var first, out _, out _) ? first : null;

    /// <summary>The first two columns of the first row, when there is one.</summary>
    public bool TryExecutePair(out long first, out long second) => Run(out first, out second, out _);

    /// <summary>Two integer columns and a text column of the first row, when there is one.</summary>
    public bool TryExecuteRow(out long first, out long second, out string? third) => Run(out first, out second, out third);

    /// <summary>Every row's first two integer columns and third text column, in order.</summary>
    public void ForEachRow(Action<long, long, string?> row)
    {
        try
        {
            while (NextRow())
            {
                row(NativeStatement.ColumnInt64(_statementPointer, 0), NativeStatement.ColumnInt64(_statementPointer, 1), raw.sqlite3_column_text(_statement, 2).utf8_to_string());
            }
        }
        finally
        {
            NativeStatement.Reset(_statementPointer);
        }
    }

    public void Dispose() => _statement.Dispose();

    private bool Run(out long first, out long second, out string? third)
    {
        first = second = 0;
        third = null;
        var hasRow = false;
        try
        {
            while (NextRow())
            {
                if (!hasRow)
                {
                    hasRow = true;
                    first = NativeStatement.ColumnInt64(_statementPointer, 0);
                    var columns = NativeStatement.ColumnCount(_statementPointer);
                    second = columns > 1 ? NativeStatement.ColumnInt64(_statementPointer, 1) : 0;
                    third = columns > 2 ? raw.sqlite3_column_text(_statement, 2).utf8_to_string() : null;
                }
            }

            return hasRow;
        }
        finally
        {
            NativeStatement.Reset(_statementPointer);
        }
    }

    /// <summary>Steps the statement: true on a row, false once it is done; an error code throws.</summary>
    private bool NextRow()
    {
        var rc = NativeStatement.Step(_statementPointer);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        Check(rc);
        return false;
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
