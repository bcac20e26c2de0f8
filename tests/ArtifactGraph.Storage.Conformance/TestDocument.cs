using System.Security.Cryptography;
using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Storage.Conformance;

/// <summary>A document for the conformance suite: its raw bytes and the batch a reader would produce.</summary>
public sealed record TestDocument(IngestBatch Batch, byte[] Raw)
{
    public string Sha256 => Batch.Document.Sha256;

    public static NodeRef Package(string name) => new(NodeKind.Package, $"pkg:npm/{name}");

    public static NodeRef Version(string name, string version) => new(NodeKind.PackageVersion, $"pkg:npm/{name}@{version}");

    /// <summary>Builds a document whose identity is the SHA-256 of <paramref name="content"/>.</summary>
    public static TestDocument Create(string content, Action<IngestBatchBuilder> build, NodeRef? subject = null, DateTimeOffset? createdAt = null) =>
        Create(Encoding.UTF8.GetBytes(content), build, subject, createdAt);

    /// <summary>Builds a document whose identity is the SHA-256 of <paramref name="raw"/>.</summary>
    public static TestDocument Create(byte[] raw, Action<IngestBatchBuilder> build, NodeRef? subject = null, DateTimeOffset? createdAt = null)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(raw));
        var builder = new IngestBatchBuilder();
        build(builder);
        var batch = builder.Build(new DocumentInfo
        {
            Sha256 = sha256,
            Format = "Conformance-Test",
            SpecVersion = "1.0",
            Name = "doc-" + sha256[..12],
            Subject = subject,
            CreatedAt = createdAt,
            Properties = new Dictionary<string, string> { ["test:origin"] = "conformance" },
        });
        return new TestDocument(batch, raw);
    }

    /// <summary>An application depending on <paramref name="dependencies"/> (name, version pairs).</summary>
    public static TestDocument Sbom(string content, string application, params (string Name, string Version)[] dependencies)
    {
        var app = Version(application, "1.0.0");
        return Create(
            content,
            b =>
            {
                b.AddNode(app, application);
                foreach (var (name, version) in dependencies)
                {
                    var dependency = b.AddNode(Version(name, version), name);
                    b.AddEdge(EdgeKind.DependsOn, app, dependency, [new("scope", "runtime")]);
                }
            },
            subject: app);
    }
}
