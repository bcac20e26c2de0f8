using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// <c>dependencies[]</c> → DEPENDS_ON edges, one entry and one ref at a time. Every ref must name a component,
/// the subject or a service; anything else is a broken document and rejects it. Edges that touch a service are
/// counted and dropped (services are not mapped yet). <c>provides</c> (CBOM) becomes the <c>cdx:provides</c> property.
/// Refs arrive as UTF-8 bytes, so the JSON reader resolves them where they lie: a BOM has ~3 refs per component, and a
/// string for each (kept by nothing) was a tenth of the reader's garbage. Each resolved ref carries the builder's
/// number for its node, so its edge is added without finding either end again.
/// </summary>
/// <param name="components">bom-ref → node (including the subject).</param>
/// <param name="serviceRefs">bom-refs of services at any depth.</param>
internal sealed class CdxDependencies(
    CdxComponentTable components, HashSet<string> serviceRefs, IngestBatchBuilder builder)
{
    private CdxTarget? _from;
    private bool _skip;
    private List<string>? _provides;

    /// <summary>Whether the document has a dependency graph: an entry with a non-empty dependsOn.</summary>
    public bool HasGraph { get; private set; }

    /// <summary>The bom-refs something depends on (collected only without a subject, where they decide the roots).</summary>
    public HashSet<string> DependedOn { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether to fill <see cref="DependedOn"/>: only a BOM without a subject needs it.</summary>
    public bool CollectDependedOn { get; set; }

    public int DroppedServiceEdges { get; private set; }

    /// <summary>The first ref that named nothing; once set, nothing more is mapped.</summary>
    public DocumentRejectedException? Failure { get; private set; }

    /// <summary>Maps a whole entry (the XML reader's model).</summary>
    public void Add(CdxDependency entry)
    {
        Begin(Encoding.UTF8.GetBytes(entry.From.Ref), entry.From.At);
        for (var i = 0; i < entry.DependsOn.Count; i++)
        {
            DependsOn(Encoding.UTF8.GetBytes(entry.DependsOn[i].Ref), entry.DependsOn[i].At);
        }

        for (var i = 0; i < entry.Provides.Count; i++)
        {
            Provides(Encoding.UTF8.GetBytes(entry.Provides[i].Ref), entry.Provides[i].At);
        }

        End();
    }

    /// <summary>Starts an entry: its <c>ref</c>, as UTF-8.</summary>
    public void Begin(ReadOnlySpan<byte> reference, CdxLocation at)
    {
        _skip = Failure is not null || !TryResolve(reference, at, out _from);
    }

    /// <summary>One <c>dependsOn</c> ref of the current entry, in document order.</summary>
    public void DependsOn(ReadOnlySpan<byte> target, CdxLocation at)
    {
        if (_skip)
        {
            return;
        }

        HasGraph = true;
        if (!TryResolve(target, at, out var to))
        {
            _skip = true;
            return;
        }

        if (CollectDependedOn)
        {
            AddDependedOn(target);
        }

        if (_from is not { } fromTarget || to is not { } toTarget)
        {
            DroppedServiceEdges++;
            return;
        }

        builder.AddEdge(EdgeKind.DependsOn, fromTarget.Node, fromTarget.NodeId, toTarget.Node, toTarget.NodeId, ScopeProperty(toTarget.Scope));
    }

    /// <summary>One <c>provides</c> ref of the current entry, after its dependsOn; a broken ref rejects, like dependsOn.</summary>
    public void Provides(ReadOnlySpan<byte> provided, CdxLocation at)
    {
        if (_skip)
        {
            return;
        }

        if (!TryResolve(provided, at, out _))
        {
            _skip = true;
            return;
        }

        (_provides ??= []).Add(Encoding.UTF8.GetString(provided));
    }

    /// <summary>Ends the current entry.</summary>
    public void End()
    {
        if (!_skip && _provides is { Count: > 0 } && _from is { } owner)
        {
            builder.AddNode(owner.Node, properties: [new("cdx:provides", string.Join(' ', _provides))]);
        }

        _provides?.Clear();
        _skip = true;
    }

    /// <summary>Adds a ref to <see cref="DependedOn"/>, making its string only when it is new there.</summary>
    private void AddDependedOn(ReadOnlySpan<byte> target)
    {
        var chars = target.Length <= 256 ? stackalloc char[256] : new char[target.Length];
        DependedOn.GetAlternateLookup<ReadOnlySpan<char>>().Add(chars[..Encoding.UTF8.GetChars(target, chars)]);
    }

    // One property map per scope value, held by every DEPENDS_ON edge of that scope (IngestBatchBuilder.SharedProperties).
    private static readonly IReadOnlyDictionary<string, string> Runtime = IngestBatchBuilder.SharedProperties(KeyValuePair.Create("scope", "runtime"));
    private static readonly IReadOnlyDictionary<string, string> Optional = IngestBatchBuilder.SharedProperties(KeyValuePair.Create("scope", "optional"));
    private static readonly IReadOnlyDictionary<string, string> Excluded = IngestBatchBuilder.SharedProperties(KeyValuePair.Create("scope", "excluded"));

    private static IEnumerable<KeyValuePair<string, string>> ScopeProperty(string scope) => scope switch
    {
        "runtime" => Runtime,
        "optional" => Optional,
        "excluded" => Excluded,
        _ => new KeyValuePair<string, string>[] { new("scope", scope) },
    };

    /// <summary>The component a ref names (null for a service); false, with <see cref="Failure"/> set, for an unknown ref.</summary>
    private bool TryResolve(ReadOnlySpan<byte> reference, CdxLocation at, out CdxTarget? target)
    {
        if (components.TryGetValue(reference, out var found))
        {
            target = found;
            return true;
        }

        // Rare: a service's ref, or a broken document.
        target = null;
        var text = Encoding.UTF8.GetString(reference);
        if (serviceRefs.Contains(text))
        {
            return true;
        }

        Failure = new DocumentRejectedException(at.ToString(), $"unknown bom-ref '{text}'");
        return false;
    }
}
