namespace ArtifactGraph.Ingest.Formats.Spdx2;

internal enum Spdx2EdgeAction
{
    /// <summary>Not a graph edge: <c>spdx:rel:&lt;TYPE&gt;</c> on the source = the target's key.</summary>
    Property,
    Describes,
    DescribedBy,
    Contains,
    DependsOn,
    BuiltFrom,
}

/// <summary>What one SPDX relationship type becomes. <see cref="Reverse"/>: the edge runs target → source.</summary>
internal sealed record Spdx2RelationshipRule(Spdx2EdgeAction Action, bool Reverse = false, string? Scope = null, string? Link = null);

/// <summary>The SPDX 2.3 relationship types and their graph meaning (the table in graph-schema/ontology.md).</summary>
internal static class Spdx2RelationshipTypes
{
    private static readonly Dictionary<string, Spdx2RelationshipRule> Rules = new(StringComparer.Ordinal)
    {
        ["DESCRIBES"] = new(Spdx2EdgeAction.Describes),
        ["DESCRIBED_BY"] = new(Spdx2EdgeAction.DescribedBy),
        ["CONTAINS"] = new(Spdx2EdgeAction.Contains),
        ["CONTAINED_BY"] = new(Spdx2EdgeAction.Contains, Reverse: true),
        ["PACKAGE_OF"] = new(Spdx2EdgeAction.Contains, Reverse: true),
        ["DEPENDS_ON"] = new(Spdx2EdgeAction.DependsOn, Scope: "runtime"),
        ["DEPENDENCY_OF"] = new(Spdx2EdgeAction.DependsOn, Reverse: true, Scope: "runtime"),
        ["RUNTIME_DEPENDENCY_OF"] = new(Spdx2EdgeAction.DependsOn, Reverse: true, Scope: "runtime"),
        ["DEV_DEPENDENCY_OF"] = new(Spdx2EdgeAction.DependsOn, Reverse: true, Scope: "dev"),
        ["BUILD_DEPENDENCY_OF"] = new(Spdx2EdgeAction.DependsOn, Reverse: true, Scope: "build"),
        ["OPTIONAL_DEPENDENCY_OF"] = new(Spdx2EdgeAction.DependsOn, Reverse: true, Scope: "optional"),
        ["PROVIDED_DEPENDENCY_OF"] = new(Spdx2EdgeAction.DependsOn, Reverse: true, Scope: "provided"),
        ["TEST_DEPENDENCY_OF"] = new(Spdx2EdgeAction.DependsOn, Reverse: true, Scope: "test"),
        ["STATIC_LINK"] = new(Spdx2EdgeAction.DependsOn, Scope: "runtime", Link: "static"),
        ["DYNAMIC_LINK"] = new(Spdx2EdgeAction.DependsOn, Scope: "runtime", Link: "dynamic"),
        ["GENERATED_FROM"] = new(Spdx2EdgeAction.BuiltFrom),
        ["GENERATES"] = new(Spdx2EdgeAction.BuiltFrom, Reverse: true),
    };

    /// <summary>Every other SPDX 2.3 type: kept as a property, never an edge (they do not say "uses").</summary>
    private static readonly HashSet<string> PropertyTypes = new(StringComparer.Ordinal)
    {
        "AMENDS", "ANCESTOR_OF", "BUILD_TOOL_OF", "COPY_OF", "DATA_FILE_OF", "DEPENDENCY_MANIFEST_OF", "DESCENDANT_OF",
        "DEV_TOOL_OF", "DISTRIBUTION_ARTIFACT", "DOCUMENTATION_OF", "EXAMPLE_OF", "EXPANDED_FROM_ARCHIVE", "FILE_ADDED",
        "FILE_DELETED", "FILE_MODIFIED", "HAS_PREREQUISITE", "METAFILE_OF", "OPTIONAL_COMPONENT_OF", "OTHER", "PATCH_APPLIED",
        "PATCH_FOR", "PREREQUISITE_FOR", "REQUIREMENT_DESCRIPTION_FOR", "SPECIFICATION_FOR", "TEST_CASE_OF", "TEST_OF",
        "TEST_TOOL_OF", "VARIANT_OF",
    };

    private static readonly Spdx2RelationshipRule PropertyRule = new(Spdx2EdgeAction.Property);

    /// <summary>The rule for a type; unknown types are properties too, and <paramref name="known"/> says so.</summary>
    public static Spdx2RelationshipRule Lookup(string type, out bool known)
    {
        if (Rules.TryGetValue(type, out var rule))
        {
            known = true;
            return rule;
        }

        known = PropertyTypes.Contains(type);
        return PropertyRule;
    }
}
