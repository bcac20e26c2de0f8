using System.Text.Json;
using ArtifactGraph.Core.Identity;
using ArtifactGraph.TestSupport;

namespace ArtifactGraph.Core.Tests.Identity;

/// <summary>Keeps the hand-transcribed rule table in step with the corpus's purl type definitions.</summary>
public sealed class PurlTypeRulesTests
{
    public static TheoryData<string> Definitions() => [.. DefinitionFiles()];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Rule_ForDefinedType_MatchesDefinition(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Corpus.PathOf("schemas", "purl-types", file)));
        var root = doc.RootElement;
        var type = root.GetProperty("type").GetString()!;

        Assert.True(PurlTypeRules.All.TryGetValue(type, out var rule), $"no rule for {type}");
        Assert.Equal(Requirement(root, "namespace_definition"), rule.Namespace);
        Assert.Equal(CaseInsensitive(root, "namespace_definition"), rule.LowerNamespace);
        Assert.Equal(CaseInsensitive(root, "name_definition"), rule.LowerName);
        Assert.Equal(CaseInsensitive(root, "version_definition"), rule.LowerVersion);
        Assert.Equal(RequiredQualifier(root), rule.RequiredQualifier);
    }

    [Fact]
    public void All_EveryRule_HasADefinition()
    {
        var defined = DefinitionFiles().Select(f => f[..^"-definition.json".Length]);

        Assert.Equal(defined.Order(StringComparer.Ordinal), PurlTypeRules.All.Keys.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> DefinitionFiles() =>
        Corpus.Files(Path.Combine("schemas", "purl-types"), "*-definition.json").Select(f => Path.GetFileName(f));

    private static PurlRequirement Requirement(JsonElement root, string component) =>
        root.TryGetProperty(component, out var c) && c.TryGetProperty("requirement", out var r)
            ? r.GetString() switch
            {
                "required" => PurlRequirement.Required,
                "prohibited" => PurlRequirement.Prohibited,
                _ => PurlRequirement.Optional,
            }
            : PurlRequirement.Optional;

    private static bool CaseInsensitive(JsonElement root, string component) =>
        root.TryGetProperty(component, out var c) && c.TryGetProperty("case_sensitive", out var s) && !s.GetBoolean();

    private static string? RequiredQualifier(JsonElement root) =>
        root.TryGetProperty("qualifiers_definition", out var q)
            ? q.EnumerateArray().Where(d => d.TryGetProperty("requirement", out var r) && r.GetString() == "required")
                .Select(d => d.GetProperty("key").GetString()).SingleOrDefault()
            : null;
}
