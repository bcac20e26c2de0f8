using ArtifactGraph.Core.Graph;
using ArtifactGraph.Storage.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace ArtifactGraph.Storage.Sqlite.Tests.Writing;

/// <summary>
/// The write-ahead log is copied back into the database file by the store's checkpoint thread (WalCheckpointer) once the
/// writer has logged the interval's pages, not by the writer (whose own automatic checkpoint is 4× further); the writer
/// copies the tail after its next commit, and the log is then rewound rather than left to grow.
/// </summary>
public sealed class WalCheckpointerTests : IDisposable
{
    // Pages logged between requests; the writer's backstop is 4× this, beyond what these tests log.
    private const int Interval = 100;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDatabase _database = new();

    [Fact]
    public void Commit_PastTheInterval_TheThreadCopiesTheLogBack()
    {
        var path = _database.NewPath();
        using var store = Open(path, thread: true);
        var before = new FileInfo(path).Length;

        CommitDocuments(store, "past", 12);

        Assert.True(WaitFor(() => store.Checkpoints.Served > 0), "no background checkpoint ran");
        Assert.True(new FileInfo(path).Length > before + (Interval * 4096L), $"the database file did not grow past {before:N0} bytes");
    }

    [Fact]
    public void Commit_BelowTheInterval_NothingIsCopiedBack()
    {
        var path = _database.NewPath();
        using var store = Open(path, thread: true);

        CommitDocuments(store, "below", 1);

        Assert.False(WaitFor(() => store.Checkpoints.Served > 0, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void Commit_AfterABackgroundCheckpoint_RewindsTheLog()
    {
        var path = _database.NewPath();
        using var store = Open(path, thread: true);

        // Exactly one request, served: nothing else copies meanwhile.
        for (var i = 0; store.Checkpoints.Requested == 0; i++)
        {
            Assert.True(i < 100, "no checkpoint was requested");
            CommitDocuments(store, $"rewind-{i}", 1);
        }

        Assert.True(WaitFor(() => store.Checkpoints.Served == 1), "the background checkpoint did not run");
        var logged = new FileInfo(path + "-wal").Length / 4096;

        // The first copies the tail after its commit, the second rewinds the log.
        CommitDocuments(store, "tail", 1);
        CommitDocuments(store, "after", 1);

        // Rewound: the log holds the last document's frames only, not those of every document before it as well.
        Assert.Equal((1, 1, 1), store.Checkpoints);
        Assert.InRange(LoggedFrames(path), 1, Interval - 1);
        Assert.True(logged >= Interval, $"the log only reached {logged} pages");
    }

    [Fact]
    public void Commit_WithoutTheThread_TheLogStaysUntilTheWritersOwnCheckpoint()
    {
        var path = _database.NewPath();
        using var store = Open(path, thread: false, interval: Interval * 4);

        CommitDocuments(store, "none", 12);

        Assert.Equal((0, 0, 0), store.Checkpoints);
        Assert.True(LoggedFrames(path) >= Interval, "the writer checkpointed below its interval");
    }

    [Fact]
    public void Dispose_AfterBackgroundCheckpoints_ClosesEveryConnectionToTheFile()
    {
        var path = _database.NewPath();
        using (var store = Open(path, thread: true))
        {
            CommitDocuments(store, "close", 12);
            Assert.True(WaitFor(() => store.Checkpoints.Served > 0), "no background checkpoint ran");
        }

        // SQLite removes the log when the last connection to the file closes: the thread's connection was closed too.
        Assert.False(File.Exists(path + "-wal"));
    }

    private static SqliteGraphStore Open(string path, bool thread, int interval = Interval) =>
        SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, WalAutocheckpointPages = interval, CheckpointThread = thread }, new FakeTimeProvider());

    /// <summary>Distinct documents of ~20 pages each: 64 KiB of raw bytes that do not compress, and an application with twenty dependencies.</summary>
    private static void CommitDocuments(SqliteGraphStore store, string name, int count)
    {
        var random = new Random(count);
        for (var i = 0; i < count; i++)
        {
            var raw = new byte[64 * 1024];
            random.NextBytes(raw);
            System.Text.Encoding.UTF8.GetBytes($"{name}-{i}").CopyTo(raw, 0);
            var app = TestDocument.Version($"{name}-app-{i}", "1.0.0");
            var document = TestDocument.Create(
                raw,
                b =>
                {
                    b.AddNode(app);
                    for (var d = 0; d < 20; d++)
                    {
                        b.AddEdge(EdgeKind.DependsOn, app, b.AddNode(TestDocument.Version($"{name}-dep-{i}-{d}", "1.0.0")));
                    }
                },
                app);
            store.Commit(document.Batch, document.Raw);
        }
    }

    /// <summary>
    /// The frames in the log, read by a passive checkpoint of a connection of the test's own (which copies back whatever
    /// the thread has not), asked again while the thread's own checkpoint holds it off.
    /// </summary>
    private static long LoggedFrames(string path)
    {
        long logged = -1;
        Assert.True(WaitFor(() => (logged = TryLoggedFrames(path)) >= 0), "a checkpoint held the log for the whole wait");
        return logged;
    }

    private static long TryLoggedFrames(string path)
    {
        using var connection = TempDatabase.Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) == 0 ? reader.GetInt64(1) : -1;
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }

    public void Dispose() => _database.Dispose();
}
