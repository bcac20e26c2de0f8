using System.Text;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Spdx3;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Spdx3;

/// <summary>Fixture paths and one-line reads for the SPDX 3 tests.</summary>
internal static class Spdx3TestInput
{
    public static string FixturePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", "Spdx3", .. parts]);

    public static IngestBatch ReadFixture(string name) => new Spdx3JsonLdReader().Read(CdxTestInput.FromFile(FixturePath("valid", name)));

    public static IngestBatch ReadJson(string json) => new Spdx3JsonLdReader().Read(FromJson(json));

    public static DocumentInput FromJson(string json) => CdxTestInput.FromBytes("inline.json", Encoding.UTF8.GetBytes(json));

    /// <summary>An SPDX 3 document with the published context around the given @graph entries.</summary>
    public static string Document(string graphEntries) =>
        $$"""{ "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [ {{graphEntries}} ] }""";
}
