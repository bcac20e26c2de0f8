using System.Globalization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// The CycloneDX mapping (graph-schema/ontology.md), fed one component and one dependency entry at a time
/// so a large JSON BOM never exists as a model; the XML reader feeds it from its model in the same order.
/// Call order: <see cref="MapSubject"/>, <see cref="MapComponent"/> in <see cref="CdxComponentWalker"/>
/// order, <see cref="ClaimService"/>, <see cref="EndComponents"/>, <see cref="AddDependency"/>,
/// <see cref="Finish"/>. It keeps only what later steps need (<see cref="CdxComponentTable"/>): bom-ref → node, and per
/// component its node, bom-ref and nesting.
/// </summary>
internal sealed class CdxBomMapper
{
    private readonly DocumentInput _input;
    private readonly string _format;
    private readonly CdxBomHeader _header;
    private readonly IngestBatchBuilder _builder;
    private readonly CdxComponentTable _components = new();
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private readonly List<(NodeRef Parent, NodeRef Child)> _nested = [];
    private readonly CdxDependencies _dependencies;
    private readonly List<NodeRef> _vulnerabilities = [];
    private NodeRef? _subject;
    private CdxVulnerabilityMapper? _vex;

    // A reference error (duplicate or unknown bom-ref) is held until Finish: the document is read while it
    // is mapped, and a shape error later in the document must still win, as when the whole BOM was parsed
    // before mapping. Once set, nothing more is mapped.
    private DocumentRejectedException? _failure;

    public CdxBomMapper(DocumentInput input, string format, CdxBomHeader header)
    {
        _input = input;
        _format = format;
        _header = header;
        _builder = input.NewBuilder();
        _dependencies = new CdxDependencies(_components, _services, _builder);
    }

    /// <summary>
    /// Sizes the mapper and its builder for a BOM listing this many components at top level: a generated
    /// component is ~3 nodes (version, package, artifact) and ~7 edges, and growing by doubling copied them all.
    /// </summary>
    public void ExpectComponents(int components)
    {
        _components.EnsureCapacity(components + 1);
        _builder.EnsureCapacity(components * 3, components * 7);
    }

    /// <summary>Maps <c>metadata.component</c>, before any other component.</summary>
    public NodeRef MapSubject(CdxComponent subject)
    {
        _subject = Map(subject, isTop: false);
        return _subject ?? default;
    }

    /// <summary>Maps one component; <paramref name="parent"/> is the node it is nested in (null at top level).</summary>
    public NodeRef MapComponent(CdxComponent component, NodeRef? parent)
    {
        if (Map(component, isTop: parent is null) is not { } node)
        {
            return default;
        }

        if (parent is { } from)
        {
            _nested.Add((from, node));
        }

        return node;
    }

    /// <summary>Services share the bom-ref namespace: a service may be a dependency's end, and its ref must be unique.</summary>
    public void ClaimService(CdxRef service)
    {
        if (_failure is null && (_components.Contains(service.Ref) || !_services.Add(service.Ref)))
        {
            _failure = new DocumentRejectedException(service.Location, $"duplicate bom-ref '{service.Ref}'");
        }
    }

    /// <summary>After the last component: the subject's licenses and the nesting edges.</summary>
    public void EndComponents()
    {
        if (_failure is not null)
        {
            return;
        }

        if (_subject is { } subject)
        {
            CdxLicenses.Map(_header.SubjectLicenses, subject, _builder);
        }

        _dependencies.CollectDependedOn = _subject is null;

        foreach (var (parent, child) in _nested)
        {
            AddContains(parent, child);
        }
    }

    public void AddDependency(CdxDependency entry) => Dependencies?.Add(entry);

    /// <summary>
    /// Where <c>dependencies[]</c> entries are mapped ref by ref (the JSON reader resolves refs from their
    /// characters); null once the document has failed, when they are only read for their shape.
    /// </summary>
    public CdxDependencies? Dependencies => Failure is null ? _dependencies : null;

    // A failed ref in dependencies[] is held by CdxDependencies, which stops mapping on it.
    private DocumentRejectedException? Failure => _failure ?? _dependencies.Failure;

    /// <summary>After the dependencies: one <c>vulnerabilities[]</c> entry (VEX), whose affects name components mapped before.</summary>
    public void AddVulnerability(CdxVulnerability vulnerability)
    {
        if (Failure is not null)
        {
            return;
        }

        _vex ??= new CdxVulnerabilityMapper(_builder, new CdxVexContext(_builder, _components, _header.SerialNumber)
        {
            Issuer = _header.Issuer ?? _header.SerialNumber ?? _input.Name,
            Timestamp = DateTimeOffset.TryParse(_header.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null,
        });
        if (_vex.Map(vulnerability) is { } node)
        {
            _vulnerabilities.Add(node);
        }
    }

    public IngestBatch Finish()
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        var document = NewDocumentInfo();
        if (_vulnerabilities.Count > 0)
        {
            // The document speaks about these vulnerabilities: reachable from it as its other roots are.
            _builder.AddNode(document.NodeRef);
            foreach (var vulnerability in _vulnerabilities)
            {
                _builder.AddEdge(EdgeKind.Describes, document.NodeRef, vulnerability);
            }
        }
        if (_subject is { } subject)
        {
            // An SBOM lists what its subject contains. Without a dependency graph that is all we know, so the
            // subject CONTAINS every component; with one, the graph says how, and CONTAINS covers the top level.
            for (var i = 0; i < _components.Count; i++)
            {
                if (_components.IsListed(i) && (!_dependencies.HasGraph || _components.IsTop(i)))
                {
                    AddContains(subject, _components.Node(i));
                }
            }
        }
        else
        {
            // No subject: the document DESCRIBES its roots (top-level components nothing depends on), so no
            // component dangles unreachable from the Document node.
            _builder.AddNode(document.NodeRef);
            for (var i = 0; i < _components.Count; i++)
            {
                if (_components.IsTop(i) && (_components.BomRef(i) is not { } bomRef || !_dependencies.DependedOn.Contains(bomRef)))
                {
                    _builder.AddEdge(EdgeKind.Describes, document.NodeRef, _components.Node(i));
                }
            }
        }

        if (_dependencies.DroppedServiceEdges > 0)
        {
            document = document with
            {
                Properties = new Dictionary<string, string>(document.Properties, StringComparer.Ordinal)
                {
                    ["cdx:dependencies:serviceEdgesDropped"] = _dependencies.DroppedServiceEdges.ToString(CultureInfo.InvariantCulture),
                },
            };
        }

        return _builder.Build(document);
    }

    /// <summary>Claims the bom-ref and maps the node; null once the document has failed.</summary>
    private NodeRef? Map(CdxComponent component, bool isTop)
    {
        if (_failure is not null)
        {
            return null;
        }

        if (component.BomRef is { } bomRef && _components.Contains(bomRef))
        {
            _failure = new DocumentRejectedException(component.BomRefLocation, $"duplicate bom-ref '{bomRef}'");
            return null;
        }

        var node = CdxComponentMapper.Map(component, _builder);
        _builder.TryGetNodeId(node, out var nodeId);
        _components.TryAdd(node, nodeId, component.BomRef, CdxComponentMapper.DependencyScope(component), component.IsSubject, isTop);
        return node;
    }

    private DocumentInfo NewDocumentInfo()
    {
        var properties = CdxDocumentHeader.Properties(_header);
        return new DocumentInfo
        {
            Sha256 = _input.Sha256,
            Format = _format,
            SpecVersion = _header.SpecVersion,
            Name = properties.GetValueOrDefault("cdx:serialNumber") ?? _input.Name,
            Subject = _subject,
            CreatedAt = CdxDocumentHeader.Timestamp(_header, _builder),
            Properties = properties,
        };
    }

    private void AddContains(NodeRef from, NodeRef to)
    {
        // Two listings of one identity (e.g. an image as subject and as its own top-level component) are one
        // node; a node does not contain itself.
        if (from != to)
        {
            _builder.AddEdge(EdgeKind.Contains, from, to);
        }
    }
}

/// <summary>What a component's bom-ref resolves to: its node (and the builder's number for it), and the DEPENDS_ON scope of an edge into it.</summary>
internal readonly record struct CdxTarget(NodeRef Node, int NodeId, string Scope);
