using System.Globalization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Pipeline;
using ArtifactGraph.Ingest.Tests.Formats.CycloneDx;

namespace ArtifactGraph.Ingest.Tests.Formats.Inventory;

/// <summary>
/// Theories over Fixtures/Kubernetes and Fixtures/Inventory: every valid file is claimed by its format's reader
/// (sniffed among all readers) and maps to exactly the subject, workloads and RUNS edges its .expected.txt lists;
/// every invalid file is rejected at the location its .expected.txt names.
/// </summary>
public sealed class DeploymentFixtureTests
{
    private static readonly string[] Folders = ["Kubernetes", "Inventory"];

    public static TheoryData<string, string> ValidFixtures() => Enumerate("valid");

    public static TheoryData<string, string> InvalidFixtures() => Enumerate("invalid");

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Read_ValidFixture_MapsToExpectedWorkloads(string folder, string name)
    {
        var path = FixturePath(folder, "valid", name);
        var input = CdxTestInput.FromFile(path);
        var reader = new FormatSniffer(Readers.All).Detect(input);

        var batch = reader.Read(input);

        Assert.StartsWith(folder + "-", reader.Format, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).ReplaceLineEndings("\n").Trim(), Render(batch));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Read_InvalidFixture_RejectedAtExpectedLocation(string folder, string name)
    {
        var path = FixturePath(folder, "invalid", name);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).Trim();
        var input = CdxTestInput.FromFile(path);

        var error = Assert.Throws<DocumentRejectedException>(() => new FormatSniffer(Readers.All).Detect(input).Read(input));

        Assert.Equal(expected, error.Location);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Fixtures_EachHasExpectedFile()
    {
        foreach (var folder in Folders)
        {
            foreach (var kind in new[] { "valid", "invalid" })
            {
                Assert.All(
                    Files(folder, kind),
                    f => Assert.True(File.Exists(Path.ChangeExtension(f, ".expected.txt")), $"{Path.GetFileName(f)} has no .expected.txt"));
            }
        }
    }

    /// <summary>Subject, explicit creation time, each workload with its live properties, each RUNS edge: sorted lines.</summary>
    internal static string Render(IngestBatch batch)
    {
        var subject = batch.Document.Subject!.Value;
        var lines = new List<string> { "subject " + subject.Key };
        if (batch.Document.CreatedAt is { } created)
        {
            lines.Add("created " + created.ToString("O", CultureInfo.InvariantCulture));
        }

        lines.AddRange(batch.Nodes
            .Where(n => n.Kind == NodeKind.Deployment && n.Ref != subject)
            .Select(n => $"deployment {n.Key} replicas={n.Properties.GetValueOrDefault("live:replicas")} exposure={n.Properties.GetValueOrDefault("live:exposure")} owner={n.Properties.GetValueOrDefault("live:owner")}")
            .Order(StringComparer.Ordinal));
        lines.AddRange(batch.Edges.Where(e => e.Kind == EdgeKind.Runs).Select(e => $"RUNS {e.From.Key} -> {e.To.Key}").Order(StringComparer.Ordinal));
        return string.Join('\n', lines);
    }

    internal static string FixturePath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    private static IEnumerable<string> Files(string folder, string kind) =>
        Directory.EnumerateFiles(FixturePath(folder, kind)).Where(f => !f.EndsWith(".expected.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static TheoryData<string, string> Enumerate(string kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Folders)
        {
            foreach (var file in Files(folder, kind))
            {
                data.Add(folder, Path.GetFileName(file));
            }
        }

        return data;
    }
}
