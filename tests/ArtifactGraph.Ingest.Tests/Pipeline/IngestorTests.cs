using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Pipeline;

namespace ArtifactGraph.Ingest.Tests.Pipeline;

public sealed class IngestorTests
{
    [Theory]
    [InlineData(0, IngestBatchBuilder.DefaultSpillThreshold)]
    [InlineData(Ingestor.LargeDocumentBytes - 1, IngestBatchBuilder.DefaultSpillThreshold)]
    [InlineData(Ingestor.LargeDocumentBytes, Ingestor.LargeDocumentSpillThreshold)]
    [InlineData(250_000_000, Ingestor.LargeDocumentSpillThreshold)]
    public void SpillThresholdFor_DocumentSize_SmallChunksOnlyForLargeDocuments(long bytes, int expected)
    {
        Assert.Equal(expected, Ingestor.SpillThresholdFor(bytes));
    }

    [Fact]
    public void NewBuilder_InputWithSpillThreshold_BuilderUsesIt()
    {
        var input = new DocumentInput("doc.json", Array.Empty<byte>(), "sha") { SpillThreshold = 123 };

        Assert.Equal(123, input.NewBuilder().SpillThreshold);
    }
}
