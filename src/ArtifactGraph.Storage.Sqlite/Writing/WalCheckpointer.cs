using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// Copies the write-ahead log back into the database file on a thread of its own, once the writer has written
/// <see cref="SqliteStoreOptions.WalAutocheckpointPages"/> pages to it since the last request. SQLite's own automatic
/// checkpoint runs after the commit that crosses its threshold, on the committing thread: a bulk load's every ~540th
/// document took ~220 ms instead of ~4 (~150 ms of copying, then the sync), ~15 times over tier M, and the reader,
/// a few documents ahead, ran dry and waited. Here the committing thread goes on committing while the copy runs on
/// whichever core has room (docs/BENCHMARKS-HISTORY.md, stop 32).
/// <para>
/// The thread's checkpoints are passive: they never hold the writer back, but each copies only the frames logged when
/// it started, and the log is only rewound (written again from its start, so it stays near the interval's size instead
/// of growing for the whole load) by a transaction that begins once every frame is back in the file. Between two
/// documents the writer is almost never outside a transaction, so the thread cannot finish the job by itself (rounds
/// that chase the last commits found new frames eight times in a row). It copies the bulk and what was committed
/// meanwhile, then leaves the tail, a few commits' frames, to the writer: between two of its transactions, after the
/// next commit, the writer checkpoints that tail itself (~10 ms) and its next transaction rewinds the log. A RESTART
/// checkpoint on the thread would rewind it too, but it holds every new transaction back until readers of older
/// snapshots finish, and a server's readers can take seconds. The writer's own <c>wal_autocheckpoint</c> stays set, at
/// <see cref="BackstopFactor"/> times the interval, in case the thread falls behind.
/// </para>
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>The writer's own automatic checkpoint, as a multiple of the interval: reached only if this thread falls behind.</summary>
    public const int BackstopFactor = 4;

    private const string Passive = "PRAGMA wal_checkpoint(PASSIVE);";

    // The thread's rounds per request: the bulk (~200–450 ms at a bulk load's interval, sharing the two cores), then what
    // was committed meanwhile, each round shorter, so the tail left to the writer is a few commits' frames. The writer's
    // copy costs mostly its two syncs, whose time grows with the frames: its tail took 21–77 ms after two rounds, 8–11 ms
    // after four (2,000 tier M images, against ~220 ms for a whole checkpoint on the committing thread).
    private const int ThreadRounds = 4;

    private readonly SqliteConnection _writer;
    private readonly IntPtr _writerDb;
    private readonly Func<SqliteConnection> _open;
    private readonly long _interval;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _requests = new(0, 1);
    private Thread? _thread;
    private volatile bool _stopping;
    private volatile bool _tailDue;
    private long _written;
    private int _requested;
    private int _served;
    private int _completed;

    /// <param name="writer">The writer connection: its pages written are read, and the tail checkpointed, on the writer's thread only.</param>
    /// <param name="open">Opens the thread's own connection, on the thread, at its first request.</param>
    public WalCheckpointer(SqliteConnection writer, Func<SqliteConnection> open, long interval, ILogger logger)
    {
        _writer = writer;
        _writerDb = (writer.Handle ?? throw new InvalidOperationException("The writer connection is not open.")).DangerousGetHandle();
        _open = open;
        _interval = interval;
        _logger = logger;
        NativeStatement.PagesWritten(_writerDb);
    }

    /// <summary>Requests the writer made (tests; the writer's thread).</summary>
    public int Requested => _requested;

    /// <summary>Requests whose bulk the thread has copied back (tests).</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Tails the writer copied with nothing left behind, so its next transaction rewinds the log (tests).</summary>
    public int Completed => _completed;

    /// <summary>
    /// Called on the writer's thread after each transaction it commits (outside any transaction): copies the tail the
    /// thread left, if any, then asks for a checkpoint once the interval's pages are written.
    /// </summary>
    public void AfterCommit()
    {
        if (_tailDue)
        {
            _tailDue = false;
            CopyTail();
        }

        _written += NativeStatement.PagesWritten(_writerDb);
        if (_written < _interval || _stopping)
        {
            return;
        }

        _written = 0;
        _requested++;
        _thread ??= StartThread();

        // At most one request waits: a request made while a checkpoint runs is served by the next one.
        if (_requests.CurrentCount == 0)
        {
            _requests.Release();
        }
    }

    /// <summary>Stops the thread after the checkpoint under way, if any (the store's close checkpoints what is left). Idempotent.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        if (_thread is { } thread)
        {
            if (_requests.CurrentCount == 0)
            {
                _requests.Release();
            }

            thread.Join();
        }

        _requests.Dispose();
    }

    private Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpoints" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                _requests.Wait();
                if (_stopping)
                {
                    return;
                }

                connection ??= _open();
                CopyBulk(connection);
            }
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            // The connection could not be opened (or broke): the writer's own backstop checkpoints from now on.
            Log.CheckpointThreadStopped(_logger, e);
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private void CopyBulk(SqliteConnection connection)
    {
        var started = Environment.TickCount64;
        long logged = 0;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = Passive;
            for (var round = 0; round < ThreadRounds; round++)
            {
                (_, logged, _) = Round(command);
            }
        }
        catch (SqliteException e)
        {
            Log.CheckpointFailed(_logger, e);
            return;
        }

        Interlocked.Increment(ref _served);
        _tailDue = true;
        Log.Checkpointed(_logger, logged, Environment.TickCount64 - started);
    }

    private void CopyTail()
    {
        try
        {
            using var command = _writer.CreateCommand();
            command.CommandText = Passive;
            var (busy, logged, copied) = Round(command);
            if (busy)
            {
                // The thread is copying the next request's bulk: its tail comes after it.
                return;
            }

            if (copied == logged)
            {
                _completed++;
            }
        }
        catch (SqliteException e)
        {
            Log.CheckpointFailed(_logger, e);
        }
    }

    /// <summary>One passive checkpoint: whether another checkpoint held it off, the frames in the log, the frames now back in the file.</summary>
    private static (bool Busy, long Logged, long Copied) Round(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }
}
