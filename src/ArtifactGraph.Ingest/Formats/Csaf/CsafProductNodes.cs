using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Ingest.Formats.Advisories;

namespace ArtifactGraph.Ingest.Formats.Csaf;

/// <summary>
/// What a status entry's product id stands for: the product a VEX claim is about (for "X as component of
/// Y", Y), the subcomponent it narrows to (X), and the component node whose Package an affected claim is on
/// (X, or the product itself).
/// </summary>
internal sealed record CsafTarget(NodeRef Product, NodeRef Component, string? Subcomponent, CsafProduct Definition);

/// <summary>
/// Product ids → nodes, each resolved once. Identity: the purl (as SBOMs key it); else a file hash
/// (Artifact); else <c>pkg:generic/&lt;product name&gt;</c> with the CPE kept as <c>csaf:cpe</c>, counted and
/// reported in one warning (Red Hat trees name hundreds of products by CPE alone).
/// </summary>
internal sealed class CsafProductNodes(CsafProductTree tree, IngestBatchBuilder builder)
{
    private const int MaxNesting = 16;
    private readonly Dictionary<string, NodeRef> _nodes = new(StringComparer.Ordinal);
    private readonly List<string> _fallbacks = [];

    public CsafTarget? Resolve(string productId, string location)
    {
        if (!tree.Products.TryGetValue(productId, out var product))
        {
            builder.Warn(location, $"product id '{productId}' is not defined in the product tree; skipped");
            return null;
        }

        if (product.Component is { } componentId && product.Parent is { } parentId)
        {
            if (!tree.Products.TryGetValue(componentId, out var component) || !tree.Products.ContainsKey(parentId))
            {
                builder.Warn(location, $"relationship product '{productId}' names an undefined product; skipped");
                return null;
            }

            var componentNode = Node(component, 0);
            var parentNode = Outermost(parentId, 0);
            return new CsafTarget(parentNode, componentNode, componentNode.Key, product);
        }

        var node = Node(product, 0);
        return new CsafTarget(node, node, null, product);
    }

    /// <summary>Called once after every status is mapped: one warning naming the products keyed by name.</summary>
    public void ReportFallbacks()
    {
        if (_fallbacks.Count > 0)
        {
            builder.Warn("/product_tree", $"{_fallbacks.Count} product(s) have no purl or file hash and are keyed pkg:generic/<name> (e.g. '{_fallbacks[0]}')");
        }
    }

    /// <summary>A relationship's parent may itself be a relationship: the product is the outermost one.</summary>
    private NodeRef Outermost(string productId, int depth)
    {
        var product = tree.Products[productId];
        return product.Parent is { } parent && tree.Products.ContainsKey(parent) && depth < MaxNesting
            ? Outermost(parent, depth + 1)
            : Node(product, depth);
    }

    private NodeRef Node(CsafProduct product, int depth)
    {
        if (_nodes.TryGetValue(product.Id, out var known))
        {
            return known;
        }

        NodeRef node;
        if (!string.IsNullOrWhiteSpace(product.Purl))
        {
            node = ProductNodes.FromPurl(builder, product.Purl, product.Pointer + "/product_identification_helper/purl");
        }
        else if (product.Hashes.Select(h => ProductNodes.FromDigest(builder, h.Algorithm, h.Value)).FirstOrDefault(n => n is not null) is { } artifact)
        {
            node = artifact;
        }
        else if (product.Component is { } component && tree.Products.TryGetValue(component, out var inner) && depth < MaxNesting)
        {
            // A relationship used as a parent without its own identity: the component stands for it.
            node = Node(inner, depth + 1);
        }
        else
        {
            var identity = PackageIdentity.FromComponent(null, product.Name, null);
            List<KeyValuePair<string, string>> properties = [new("csaf:product_id", product.Id)];
            if (product.Cpe is { Length: > 0 } cpe)
            {
                properties.Add(new("csaf:cpe", cpe));
            }

            node = builder.AddNode(new NodeRef(NodeKind.Package, identity.PackageKey), product.Name, properties);
            _fallbacks.Add(product.Id);
        }

        if (product.VersionRange is { Length: > 0 } range)
        {
            builder.AddNode(node, properties: [new("csaf:product_version_range", range)]);
        }

        _nodes[product.Id] = node;
        return node;
    }
}
