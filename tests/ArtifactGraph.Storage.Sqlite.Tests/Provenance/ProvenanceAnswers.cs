using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Storage.Conformance;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

/// <summary>
/// Everything a store answers from provenance, as one comparable text: each edge's asserting documents (with
/// whether they are current), the current graph's edges, and the graph as of each document's time.
/// </summary>
internal static class ProvenanceAnswers
{
    public static readonly DateTimeOffset Monday = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    public static readonly NodeRef Image = new(NodeKind.Image, "sha256:" + new string('b', 64));

    /// <summary>Image documents about one subject (so later ones supersede earlier ones) and one without a subject.</summary>
    public static IReadOnlyList<TestDocument> Documents() =>
    [
        ImageDocument("v1", Monday, "a", "b", "c"),
        TestDocument.Create("no-subject", b => b.AddEdge(EdgeKind.Contains, b.AddNode(Image), b.AddNode(TestDocument.Version("b", "1.0.0")))),
        ImageDocument("v2", Monday.AddDays(1), "b", "c", "d"),
        ImageDocument("v0-late", Monday.AddDays(-1), "a", "e"),
        ImageDocument("v3", Monday.AddDays(2), "a", "d", "f"),
    ];

    public static TestDocument ImageDocument(string content, DateTimeOffset createdAt, params string[] packages) =>
        TestDocument.Create(
            content,
            b =>
            {
                b.AddNode(Image, "registry/app:1");
                foreach (var package in packages)
                {
                    b.AddEdge(EdgeKind.Contains, Image, b.AddNode(TestDocument.Version(package, "1.0.0"), package));
                }
            },
            subject: Image,
            createdAt: createdAt);

    /// <summary>Commits <paramref name="documents"/> into a new store at <paramref name="path"/>, merging after each, and closes it; returns its answers.</summary>
    public static string CommitMerged(string path, IReadOnlyList<TestDocument> documents)
    {
        using var store = ProvenanceMergerTests.Open(path, mergeIds: 0);
        foreach (var document in documents)
        {
            store.Commit(document.Batch, document.Raw);
        }

        return Of(store, documents);
    }

    public static string Of(IGraphStore store, IEnumerable<TestDocument> documents)
    {
        var text = new StringBuilder();
        var edges = documents.SelectMany(d => d.Batch.Edges).Select(e => (e.Kind, e.From, e.To)).Distinct().OrderBy(e => e.To.Key).ThenBy(e => e.Kind);
        foreach (var (kind, from, to) in edges)
        {
            var asserting = store.GetEdgeDocuments(kind, from, to).Select(d => $"{d.Name}{(d.IsCurrent ? string.Empty : " (superseded)")}");
            text.AppendLine($"{kind} {from.Key} -> {to.Key}: {string.Join(", ", asserting)}");
        }

        text.AppendLine("current: " + Loaded(store, null));
        foreach (var day in Enumerable.Range(-2, 6))
        {
            text.AppendLine($"as of day {day}: " + Loaded(store, Monday.AddDays(day).AddHours(1)));
        }

        return text.ToString();
    }

    private static string Loaded(IGraphStore store, DateTimeOffset? asOf)
    {
        var sink = new RecordingLoadSink();
        store.Load(sink, asOf);
        return string.Join(" ", sink.EdgeRefs().Select(e => $"{e.Kind}:{e.From.Key}->{e.To.Key}").Order(StringComparer.Ordinal));
    }
}
