using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>provenance(subject) over the demo supply chain answers what the CLI's provenance --json answers.</summary>
public sealed class ProvenanceQueryTests(AllSamplesFixture samples) : IClassFixture<AllSamplesFixture>
{
    public const string ApiDigest = "sha256:d20141dbeaeb24ed0d7bbc855d6b7f7c4bfce46b85d8b851f36ad8a47db7b7d1";

    private const string Document = "sha256 format name ingestedAt effectiveAt current";

    private const string Sources = "sources { node { key } repository revision ref scorecard { node { key } basis score date commit version failingChecks { name score reason } } }";

    internal const string Selection = $$"""
        query found matched { kind key name }
        subjects {
          node { kind key name } builders { kind key } buildTypes {{Sources}} materials { kind key }
          attestations { document { {{Document}} } predicateType buildType verified keyid reason }
          verified signers statements { kind from { key } to { key } documents { sha256 } }
        }
        packages { node { key } {{Sources}} }
        """;

    private readonly ServerFixture _server = samples.Server;

    [Theory]
    [InlineData(ApiDigest)]
    [InlineData("pkg:npm/shop-api@1.4.2")]
    public async Task Provenance_DemoSubject_EqualsCliJson(string subject)
    {
        var data = await _server.DataAsync($"query($s: String!) {{ provenance(subject: $s) {{ {Selection} }} }}", new { s = subject });

        var cli = _server.CliJsonNode("provenance", subject);
        Assert.Equal(CliShapes.Text(cli), CliShapes.Text(Shape(data.GetProperty("provenance"))));
    }

    [Fact]
    public async Task Provenance_ApiImage_NamesBuilderSourceScorecardAndUnverifiedAttestation()
    {
        var data = await _server.DataAsync($"query($s: String!) {{ provenance(subject: $s) {{ {Selection} }} }}", new { s = ApiDigest });

        var report = data.GetProperty("provenance");
        Assert.Equal(["Artifact", "Image"], report.GetProperty("matched").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        var subject = Assert.Single(report.GetProperty("subjects").EnumerateArray());
        Assert.Equal("https://github.com/actions/runner/github-hosted", Assert.Single(subject.GetProperty("builders").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal("Builder", subject.GetProperty("builders")[0].GetProperty("kind").GetString());
        Assert.Equal(6.4, subject.GetProperty("sources")[0].GetProperty("scorecard").GetProperty("score").GetDouble());
        Assert.False(subject.GetProperty("verified").GetBoolean());
        Assert.Empty(subject.GetProperty("signers").EnumerateArray());
        Assert.Equal(["BUILT_BY", "BUILT_FROM"], subject.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var attestation = subject.GetProperty("attestations")[0].GetProperty("document").GetProperty("sha256").GetString();
        Assert.All(subject.GetProperty("statements").EnumerateArray(), s => Assert.Equal(attestation, Assert.Single(s.GetProperty("documents").EnumerateArray()).GetProperty("sha256").GetString()));
    }

    [Theory]
    [InlineData("pkg:npm/does-not-exist")]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Provenance_UnknownSubject_Null(string subject)
    {
        var data = await _server.DataAsync("query($s: String!) { provenance(subject: $s) { found } }", new { s = subject });

        Assert.Equal(JsonValueKind.Null, data.GetProperty("provenance").ValueKind);
        Assert.False(_server.CliJson("provenance", subject).GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task Provenance_NotAPurlOrDigest_BadTargetError()
    {
        var (_, body) = await _server.GraphQLAsync("{ provenance(subject: \"shop-api\") { found } }");

        Assert.Equal("BAD_TARGET", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("neither a package URL", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The GraphQL answer rewritten into the CLI's provenance --json shape (README).</summary>
    internal static JsonObject Shape(JsonElement report)
    {
        var subjects = new JsonArray();
        foreach (var subject in report.GetProperty("subjects").EnumerateArray())
        {
            var node = subject.GetProperty("node");
            var attestations = new JsonArray();
            foreach (var attestation in subject.GetProperty("attestations").EnumerateArray())
            {
                var shaped = (JsonObject)Raw(attestation.GetProperty("document"))!;
                foreach (var name in new[] { "predicateType", "buildType", "verified", "keyid", "reason" })
                {
                    shaped[name] = Raw(attestation.GetProperty(name));
                }

                attestations.Add(shaped);
            }

            subjects.Add(new JsonObject
            {
                ["kind"] = node.GetProperty("kind").GetString(),
                ["id"] = node.GetProperty("key").GetString(),
                ["name"] = node.GetProperty("name").GetString(),
                ["builders"] = new JsonArray([.. subject.GetProperty("builders").EnumerateArray().Select(b => (JsonNode?)b.GetProperty("key").GetString())]),
                ["buildTypes"] = Raw(subject.GetProperty("buildTypes")),
                ["sources"] = ShapeSources(subject.GetProperty("sources")),
                ["materials"] = new JsonArray([.. subject.GetProperty("materials").EnumerateArray().Select(m => (JsonNode)new JsonObject { ["kind"] = m.GetProperty("kind").GetString(), ["id"] = m.GetProperty("key").GetString() })]),
                ["attestations"] = attestations,
            });
        }

        return new JsonObject
        {
            ["query"] = report.GetProperty("query").GetString(),
            ["found"] = report.GetProperty("found").GetBoolean(),
            ["subjects"] = subjects,
            ["packages"] = new JsonArray([.. report.GetProperty("packages").EnumerateArray().Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.GetProperty("node").GetProperty("key").GetString(),
                ["sources"] = ShapeSources(p.GetProperty("sources")),
            })]),
        };
    }

    private static JsonArray ShapeSources(JsonElement sources) => new([.. sources.EnumerateArray().Select(source =>
    {
        var shaped = new JsonObject
        {
            ["id"] = source.GetProperty("node").GetProperty("key").GetString(),
            ["repository"] = Raw(source.GetProperty("repository")),
            ["revision"] = Raw(source.GetProperty("revision")),
            ["ref"] = Raw(source.GetProperty("ref")),
            ["scorecard"] = null,
        };
        if (source.GetProperty("scorecard") is { ValueKind: JsonValueKind.Object } card)
        {
            var scorecard = (JsonObject)Raw(card)!;
            scorecard.Remove("node");
            var rest = scorecard.ToList();
            scorecard.Clear();
            scorecard["id"] = card.GetProperty("node").GetProperty("key").GetString();
            foreach (var (name, value) in rest)
            {
                scorecard[name] = value?.DeepClone();
            }

            shaped["scorecard"] = scorecard;
        }

        return (JsonNode)shaped;
    })]);

    private static JsonNode? Raw(JsonElement element) => JsonNode.Parse(element.GetRawText());
}
