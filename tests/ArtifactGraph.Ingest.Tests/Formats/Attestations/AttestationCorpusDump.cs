using ArtifactGraph.TestSupport;
using Xunit.Abstractions;

namespace ArtifactGraph.Ingest.Tests.Formats.Attestations;

public sealed class AttestationCorpusDump(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var files = Corpus.Files("intoto").Concat(Corpus.Files("scorecard")).Concat(Corpus.Files("guac/exampledata", "*scorecard*")).Concat(Corpus.Files("guac/exampledata", "*in-toto*"))
            .Concat(new[] { "oci-dsse-att.json", "certify-novuln-v02.json", "certify-novuln.json", "certify-vuln.json", "certify-vuln-v02.json", "crev-review.json", "github-review.json" }.Select(f => Corpus.PathOf("guac/exampledata", f)));
        foreach (var file in files)
        {
            try
            {
                var (reader, batch) = AttestationTestInput.Read(File.ReadAllBytes(file));
                output.WriteLine($"{Path.GetFileName(file)}: {reader.Format} nodes={batch.Nodes.Count} edges={batch.Edges.Count} subject={batch.Document.Subject} trust={AttestationTestInput.Property(batch, "trust:verified")} {AttestationTestInput.Property(batch, "trust:reason")}");
                foreach (var w in batch.Warnings.Take(5))
                {
                    output.WriteLine($"    warn {w.Location}: {w.Message}");
                }
            }
            catch (DocumentRejectedException ex)
            {
                output.WriteLine($"{Path.GetFileName(file)}: REJECTED {ex.Location}: {ex.Reason}");
            }
        }
    }
}
