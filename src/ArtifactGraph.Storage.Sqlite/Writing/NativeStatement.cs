using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// The SQLite calls a commit makes for every row (bind, step, reset, read a column), bound straight to the e_sqlite3
/// library SQLitePCL itself loads (the same name, so the same loaded library). Through SQLitePCL each call went through
/// its provider interface and took and released the statement's <see cref="SafeHandle"/>: ~2.5% of the committing
/// thread for the handle alone in a tier M profile. <see cref="Statement"/> owns the handles and keeps them alive.
/// The calls that neither block nor call back into .NET skip the GC transition. Also the pages a connection has written,
/// which <see cref="WalCheckpointer"/> reads after each commit.
/// </summary>
internal static unsafe partial class NativeStatement
{
    private const string Library = "e_sqlite3";

    // sqlite3_db_status's SQLITE_DBSTATUS_CACHE_WRITE.
    private const int DbStatusCacheWrite = 9;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.</summary>
    private static readonly IntPtr Transient = new(-1);

    public static int BindInt64(IntPtr statement, int index, long value) => bind_int64(statement, index, value);

    public static int BindNull(IntPtr statement, int index) => bind_null(statement, index);

    /// <summary>UTF-8 text, copied by SQLite; an empty span must not come here (a null pointer binds NULL).</summary>
    public static int BindText(IntPtr statement, int index, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* text = utf8)
        {
            return bind_text(statement, index, text, utf8.Length, Transient);
        }
    }

    /// <summary>A blob, copied by SQLite; an empty span must not come here (a null pointer binds NULL).</summary>
    public static int BindBlob(IntPtr statement, int index, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* blob = bytes)
        {
            return bind_blob(statement, index, blob, bytes.Length, Transient);
        }
    }

    public static int Step(IntPtr statement) => step(statement);

    public static int Reset(IntPtr statement) => reset(statement);

    public static long ColumnInt64(IntPtr statement, int column) => column_int64(statement, column);

    public static int ColumnCount(IntPtr statement) => column_count(statement);

    public static int Changes(IntPtr db) => changes(db);

    public static long LastInsertRowId(IntPtr db) => last_insert_rowid(db);

    /// <summary>
    /// The pages the connection's pager has written since the last call (to the log, in WAL mode): sqlite3_db_status's
    /// CACHE_WRITE, read and reset. It takes the connection's mutex, so it keeps the GC transition.
    /// </summary>
    public static int PagesWritten(IntPtr db) => db_status(db, DbStatusCacheWrite, out var current, out _, 1) == 0 ? current : 0;

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    private static partial int bind_int64(IntPtr statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    [SuppressGCTransition]
    private static partial int bind_null(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    [SuppressGCTransition]
    private static partial int bind_text(IntPtr statement, int index, byte* text, int length, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_blob")]
    [SuppressGCTransition]
    private static partial int bind_blob(IntPtr statement, int index, byte* blob, int length, IntPtr destructor);

    // step runs the statement (B-tree work, I/O, a checkpoint): it keeps the GC transition, as does reset, which may
    // finish a statement's work.
    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    private static partial int step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    private static partial int reset(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    private static partial long column_int64(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_count")]
    [SuppressGCTransition]
    private static partial int column_count(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_changes")]
    [SuppressGCTransition]
    private static partial int changes(IntPtr db);

    [LibraryImport(Library, EntryPoint = "sqlite3_last_insert_rowid")]
    [SuppressGCTransition]
    private static partial long last_insert_rowid(IntPtr db);

    [LibraryImport(Library, EntryPoint = "sqlite3_db_status")]
    private static partial int db_status(IntPtr db, int op, out int current, out int highwater, int reset);
}
