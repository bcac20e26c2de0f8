using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Queries.Images;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Server.GraphQL.Models;

/// <summary>
/// An <c>image</c> answer over the request's snapshot. With VEX applied, <see cref="Vulnerabilities"/> are the
/// findings no statement took out and <see cref="Suppressed"/> the rest; with VEX ignored every finding is
/// listed (still naming the statement that would have taken it out) and nothing is suppressed.
/// Properties are read from the store once per answer, only when a field needs them.
/// </summary>
internal sealed class ImageReportModel(ImageReport report, bool ignoreVex, RequestContext request)
{
    private IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>>? _vulnerabilityProperties;
    private IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>>? _deploymentProperties;
    private Dictionary<long, DocumentSummary>? _documents;
    private IReadOnlyList<ImageVulnerability>? _vulnerabilities;
    private IReadOnlyList<ImageVulnerability>? _suppressed;

    public ImageReport Report { get; } = report;

    public bool IgnoreVex { get; } = ignoreVex;

    public RequestContext Request { get; } = request;

    public NodeModel Image => new(Request.Index, Report.Image);

    public IReadOnlyList<ImageVulnerability> Vulnerabilities =>
        _vulnerabilities ??= IgnoreVex ? Report.Vulnerabilities : Report.Vulnerabilities.Where(v => v.SuppressedBy is null).ToList();

    public IReadOnlyList<ImageVulnerability> Suppressed =>
        _suppressed ??= IgnoreVex ? [] : Report.Vulnerabilities.Where(v => v.SuppressedBy is not null).ToList();

    /// <summary>Positions in <see cref="ImageReport.RunsIn"/> of the deployments (the walk also passes tag references).</summary>
    public IReadOnlyList<int> DeploymentPositions() => Report.RunsIn.IndicesOf(NodeKind.Deployment);

    public IReadOnlyDictionary<string, string> DeploymentProperties(int node)
    {
        _deploymentProperties ??= Request.Store.GetNodeProperties(DeploymentPositions().Select(i => Request.Index.RefOf(Report.RunsIn.NodeAt(i))).ToList());
        return _deploymentProperties.GetValueOrDefault(Request.Index.RefOf(node)) ?? new Dictionary<string, string>();
    }

    /// <summary>The stored properties of every alias of every finding (severity lives on the Vulnerability nodes).</summary>
    public IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> VulnerabilityProperties =>
        _vulnerabilityProperties ??= Request.Store.GetNodeProperties(Report.Vulnerabilities
            .SelectMany(v => v.Aliases)
            .Select(a => new NodeRef(NodeKind.Vulnerability, a))
            .Where(r => Request.Index.TryFind(r, out _))
            .Distinct()
            .ToList());

    /// <summary>A stored document by its store id, as a Document node.</summary>
    public NodeModel? Document(long id)
    {
        _documents ??= Request.Documents.ToDictionary(d => d.Id);
        return _documents.TryGetValue(id, out var document) ? new NodeModel(Request.Index, document) : null;
    }
}

/// <summary>One finding of an image's vulnerabilities, with the answer it belongs to (for properties and documents).</summary>
internal sealed record ImageVulnerabilityModel(ImageVulnerability Finding, ImageReportModel Report);

/// <summary>A deployment running the image, with the answer it belongs to (for its properties).</summary>
internal sealed record ImageDeploymentModel(NodeModel Node, int Depth, ImageReportModel Report);

/// <summary>The VEX decision taking a finding out of an image.</summary>
internal sealed record VexSuppressionModel(Core.Advisories.VexDecision Decision, ImageReportModel Report);
