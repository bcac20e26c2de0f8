namespace ArtifactGraph.Ingest.Formats.Inventory;

/// <summary>
/// Decides each workload's environment and cluster, and the document's subject. The caller's hints
/// (<c>ingest --environment/--cluster</c>) win: they are a statement about these very files. Then the
/// workload's own labels, then the document's top-level values, else <c>unknown</c> with one warning.
/// </summary>
internal sealed class DeploymentScope
{
    public const string Unknown = "unknown";

    private readonly string? _hintEnvironment;
    private readonly string? _hintCluster;
    private readonly InventoryDocument _document;

    public DeploymentScope(InventoryDocument document, IReadOnlyDictionary<string, string> hints)
    {
        _document = document;
        _hintEnvironment = Meaningful(hints.GetValueOrDefault("environment"));
        _hintCluster = Meaningful(hints.GetValueOrDefault("cluster"));
    }

    public string EnvironmentOf(InventoryWorkload workload) =>
        _hintEnvironment ?? Meaningful(workload.Environment) ?? Meaningful(_document.Environment) ?? Unknown;

    public string ClusterOf(InventoryWorkload workload) =>
        _hintCluster ?? Meaningful(workload.Cluster) ?? Meaningful(_document.Cluster) ?? Unknown;

    /// <summary>
    /// The subject's environment: the hint, else the document's, else what its workloads agree on (several
    /// are joined with <c>+</c> in order, so the same mix next time is the same subject), else unknown.
    /// </summary>
    public string SubjectEnvironment() =>
        _hintEnvironment ?? Meaningful(_document.Environment) ?? Agreed(_document.Workloads.Select(EnvironmentOf));

    public string SubjectCluster() =>
        _hintCluster ?? Meaningful(_document.Cluster) ?? Agreed(_document.Workloads.Select(ClusterOf));

    private static string Agreed(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? Unknown : string.Join('+', distinct);
    }

    private static string? Meaningful(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
