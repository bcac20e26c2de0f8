using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

public sealed class OverlappedReadTests
{
    [Fact]
    public void Started_ReaderThreadNotStartedWithinGrace_CallerClaimsAndTheLateWorkItemReadsNothing()
    {
        Action? queued = null;
        var reads = 0;
        using var read = OverlappedRead.Start(_ => throw new InvalidOperationException($"read {++reads}"), work => queued = work);

        Assert.False(read.Started(TimeSpan.FromMilliseconds(1)));

        queued!();
        Assert.Equal(0, reads);
    }

    [Fact]
    public void WriteInto_MoreChunksThanTheQueueHolds_WrittenInOrderAndKept()
    {
        using var read = OverlappedRead.Start(sink => Read(sink, chunks: 40));
        var sink = new ListSink();

        Assert.True(read.Started(TimeSpan.Zero, waitForThread: true));
        var batch = read.WriteInto(sink);

        Assert.Equal(Enumerable.Range(0, 40).Select(Key), sink.Nodes);
        Assert.Equal(40, read.NodeChunks.Count);
        Assert.Equal(40, read.EdgeChunks.Count);
        Assert.Equal("pkg:generic/last@1", Assert.Single(batch.Nodes, n => n.Kind == NodeKind.PackageVersion).Key);
    }

    [Fact]
    public void WriteInto_ReaderRejects_ChunksWrittenThenTheRejectionRethrown()
    {
        using var read = OverlappedRead.Start(sink =>
        {
            Read(sink, chunks: 5);
            throw new DocumentRejectedException("/late", "late");
        });
        var sink = new ListSink();

        Assert.True(read.Started(TimeSpan.Zero, waitForThread: true));
        var rejected = Assert.Throws<DocumentRejectedException>(() => read.WriteInto(sink));

        Assert.Equal("/late", rejected.Location);
        Assert.Equal(5, sink.Nodes.Count);
    }

    [Fact]
    public void Dispose_ReaderBlockedOnAFullQueue_StopsItAndWaitsForIt()
    {
        Exception? ended = null;
        var read = OverlappedRead.Start(sink =>
        {
            try
            {
                return Read(sink, chunks: 1_000);
            }
            catch (Exception ex)
            {
                ended = ex;
                throw;
            }
        });
        Assert.True(read.Started(TimeSpan.Zero, waitForThread: true));

        read.Dispose();

        Assert.IsType<OperationCanceledException>(ended);
    }

    private static string Key(int i) => $"pkg:generic/p{i}@1";

    /// <summary>Writes one node per chunk to the sink, as a spilling reader would, then returns its last chunk.</summary>
    private static IngestBatch Read(IBatchSink sink, int chunks)
    {
        for (var i = 0; i < chunks; i++)
        {
            sink.Write([new NodeRecord(new NodeRef(NodeKind.PackageVersion, Key(i)), null, new Dictionary<string, string>())], []);
        }

        var last = new IngestBatchBuilder();
        last.AddNode(new NodeRef(NodeKind.PackageVersion, "pkg:generic/last@1"));
        return last.Build(new DocumentInfo { Sha256 = "0", Format = "Test", Name = "test" });
    }

    private sealed class ListSink : IBatchSink
    {
        public List<string> Nodes { get; } = [];

        public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges) => Nodes.AddRange(nodes.Select(n => n.Key));
    }
}
