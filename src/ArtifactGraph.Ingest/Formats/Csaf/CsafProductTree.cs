using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.Csaf;

/// <summary>One product of the tree: a full product name, or a relationship "X as component of Y" (<see cref="Component"/>, <see cref="Parent"/>).</summary>
internal sealed record CsafProduct(string Id, string Name, string Pointer)
{
    public string? Purl { get; init; }

    public string? Cpe { get; init; }

    /// <summary>File hashes as (algorithm, value).</summary>
    public IReadOnlyList<(string Algorithm, string Value)> Hashes { get; init; } = [];

    /// <summary>The name of the enclosing <c>product_version_range</c> branch (a vers string, or free text such as <c>&lt;=1.14.0</c>).</summary>
    public string? VersionRange { get; init; }

    /// <summary>The enclosing <c>product_version</c> branch name.</summary>
    public string? Version { get; init; }

    public string? Component { get; init; }

    public string? Parent { get; init; }
}

/// <summary>
/// <c>product_tree</c> → products by id: <c>branches</c> (recursively; the version / version-range branch
/// above a product is remembered), <c>full_product_names</c>, and <c>relationships</c> whose
/// <c>full_product_name</c> composes two products; <c>product_groups</c> → group id → product ids.
/// </summary>
internal sealed class CsafProductTree
{
    private const int MaxDepth = 64;

    public Dictionary<string, CsafProduct> Products { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<string>> Groups { get; } = new(StringComparer.Ordinal);

    public static CsafProductTree Read(JsonElement root)
    {
        var tree = new CsafProductTree();
        if (JsonFields.Object(root, "product_tree", string.Empty) is not { } productTree)
        {
            return tree;
        }

        const string pointer = "/product_tree";
        tree.Branches(productTree, pointer, null, null, 0);
        foreach (var (full, fullPointer) in JsonFields.ObjectArray(productTree, "full_product_names", pointer))
        {
            tree.Add(FullProduct(full, fullPointer, null, null));
        }

        foreach (var (relationship, relPointer) in JsonFields.ObjectArray(productTree, "relationships", pointer))
        {
            var component = JsonFields.RequiredString(relationship, "product_reference", relPointer, "a relationship's product_reference");
            var parent = JsonFields.RequiredString(relationship, "relates_to_product_reference", relPointer, "a relationship's relates_to_product_reference");
            var full = JsonFields.Object(relationship, "full_product_name", relPointer)
                ?? throw new DocumentRejectedException(relPointer + "/full_product_name", "a relationship needs a full_product_name");
            tree.Add(FullProduct(full, relPointer + "/full_product_name", null, null) with { Component = component, Parent = parent });
        }

        foreach (var (group, groupPointer) in JsonFields.ObjectArray(productTree, "product_groups", pointer))
        {
            var id = JsonFields.RequiredString(group, "group_id", groupPointer, "a product group's group_id");
            tree.Groups[id] = JsonFields.StringArray(group, "product_ids", groupPointer).Select(p => p.Item).ToList();
        }

        return tree;
    }

    private void Branches(JsonElement owner, string pointer, string? version, string? range, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DocumentRejectedException(pointer, $"branches nested deeper than {MaxDepth}");
        }

        foreach (var (branch, branchPointer) in JsonFields.ObjectArray(owner, "branches", pointer))
        {
            var category = JsonFields.String(branch, "category", branchPointer);
            var name = JsonFields.String(branch, "name", branchPointer);
            var branchVersion = category == "product_version" ? name : version;
            var branchRange = category == "product_version_range" ? name : range;
            if (JsonFields.Object(branch, "product", branchPointer) is { } product)
            {
                Add(FullProduct(product, branchPointer + "/product", branchVersion, branchRange));
            }

            Branches(branch, branchPointer, branchVersion, branchRange, depth + 1);
        }
    }

    private void Add(CsafProduct product)
    {
        if (!Products.TryAdd(product.Id, product))
        {
            throw new DocumentRejectedException(product.Pointer + "/product_id", $"product_id '{product.Id}' is defined twice");
        }
    }

    private static CsafProduct FullProduct(JsonElement full, string pointer, string? version, string? range)
    {
        var id = JsonFields.RequiredString(full, "product_id", pointer, "a product's product_id");
        var name = JsonFields.String(full, "name", pointer) ?? id;
        var helper = JsonFields.Object(full, "product_identification_helper", pointer);
        if (helper is not { } h)
        {
            return new CsafProduct(id, name, pointer) { Version = version, VersionRange = range };
        }

        var helperPointer = pointer + "/product_identification_helper";

        // CSAF 2.1 turns purl into purls[]; the first is the identity.
        var purl = JsonFields.String(h, "purl", helperPointer)
            ?? JsonFields.StringArray(h, "purls", helperPointer).Select(p => p.Item).FirstOrDefault();
        var hashes = new List<(string, string)>();
        foreach (var (hash, hashPointer) in JsonFields.ObjectArray(h, "hashes", helperPointer))
        {
            foreach (var (fileHash, fileHashPointer) in JsonFields.ObjectArray(hash, "file_hashes", hashPointer))
            {
                var algorithm = JsonFields.String(fileHash, "algorithm", fileHashPointer);
                var value = JsonFields.String(fileHash, "value", fileHashPointer);
                if (algorithm is not null && value is not null)
                {
                    hashes.Add((algorithm, value));
                }
            }
        }

        return new CsafProduct(id, name, pointer)
        {
            Purl = purl,
            Cpe = JsonFields.String(h, "cpe", helperPointer),
            Hashes = hashes,
            Version = version,
            VersionRange = range,
        };
    }
}
