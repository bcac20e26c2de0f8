using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Types;

/// <summary>Filters of allNodes and search; all given conditions must hold.</summary>
internal sealed class NodeFilter
{
    public string? KeyPrefix { get; set; }

    public string? NameContains { get; set; }

    public string? Ecosystem { get; set; }
}

internal sealed class NodeFilterInput : InputObjectGraphType<NodeFilter>
{
    public NodeFilterInput()
    {
        Name = "NodeFilter";
        Description = "Conditions on nodes; all given ones must hold.";
        Field<StringGraphType>("keyPrefix").Description("The key starts with this (a purl prefix such as pkg:npm/@angular/).");
        Field<StringGraphType>("nameContains").Description("The name contains this, ignoring ASCII case.");
        Field<StringGraphType>("ecosystem").Description("The purl type (npm, maven, pypi, apk ...); only packages and package versions match.");
    }
}

/// <summary>Filters of documents; all given conditions must hold.</summary>
internal sealed class DocumentFilter
{
    public string? Format { get; set; }

    public string? NameContains { get; set; }

    public bool? VerifiedOnly { get; set; }

    public bool? CurrentOnly { get; set; }
}

internal sealed class DocumentFilterInput : InputObjectGraphType<DocumentFilter>
{
    public DocumentFilterInput()
    {
        Name = "DocumentFilter";
        Description = "Conditions on documents; all given ones must hold.";
        Field<StringGraphType>("format").Description("The format, ignoring case (e.g. CycloneDX-JSON, SPDX-2-JSON).");
        Field<StringGraphType>("nameContains").Description("The name contains this, ignoring case.");
        Field<BooleanGraphType>("verifiedOnly").Description("Only documents whose signature was verified (trust:verified).");
        Field<BooleanGraphType>("currentOnly").Description("Only documents not superseded by a newer one about the same subject.");
    }
}
