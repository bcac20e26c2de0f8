using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Server.Tests;

/// <summary>
/// A server over the whole demo supply chain (ingest/samples: SBOMs, advisories, VEX, attestation, Scorecard,
/// deployments), ingested once per test class; ServerFixture alone seeds only the SBOMs.
/// </summary>
public sealed class AllSamplesFixture : IDisposable
{
    public AllSamplesFixture() =>
        Assert.Equal(0, Server.Cli("ingest", Path.Combine(Corpus.RepositoryRoot, "ingest", "samples")).Exit);

    public ServerFixture Server { get; } = new(new Dictionary<string, string?>(), seed: false);

    public void Dispose() => Server.Dispose();
}
