namespace ArtifactGraph.Ingest.Tests;

public class ReadersTests
{
    [Fact]
    public void All_EveryReaderInTheAssembly_RegisteredOnceWithUniqueFormat()
    {
        var implementations = typeof(Readers).Assembly.GetTypes()
            .Where(t => typeof(IDocumentReader).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .ToHashSet();

        Assert.Equal(implementations, Readers.All.Select(r => r.GetType()).ToHashSet());
        Assert.Equal(Readers.All.Count, Readers.All.Select(r => r.Format).Distinct().Count());
    }

    [Fact]
    public void All_CycloneDxJson_SniffedFirst()
    {
        // The most common format is tried first; every sniffer looks at content only, so order is speed, not meaning.
        Assert.Equal("CycloneDX-JSON", Readers.All[0].Format);
    }
}
