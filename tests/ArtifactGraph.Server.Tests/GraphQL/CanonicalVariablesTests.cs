using System.Text.Json;
using ArtifactGraph.Server.GraphQL;
using GraphQL;
using GraphQL.SystemTextJson;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>Variables written canonically for the response cache's key: equal inputs share a text, different ones never do.</summary>
public sealed class CanonicalVariablesTests
{
    private static readonly GraphQLSerializer Serializer = new();

    private static string? Write(string json) => CanonicalVariables.Write(Serializer.Deserialize<Inputs>(json));

    [Theory]
    [InlineData("{\"a\":1,\"b\":\"x\"}", "{ \"b\" : \"x\", \"a\" : 1 }")]
    [InlineData("{\"o\":{\"y\":[1,2],\"x\":null}}", "{\"o\":{\"x\":null,\"y\":[1,2]}}")]
    public void Write_SameInputsOtherOrderOrSpacing_SameText(string one, string other) =>
        Assert.Equal(Write(one), Write(other));

    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":\"1\"}")]
    [InlineData("{\"a\":1}", "{\"a\":1.0}")]
    [InlineData("{\"a\":1}", "{\"a\":[1]}")]
    [InlineData("{\"a\":null}", "{}")]
    [InlineData("{\"a\":true}", "{\"a\":\"true\"}")]
    [InlineData("{\"a\":\"x\"}", "{\"A\":\"x\"}")]
    [InlineData("{\"a\":2147483648}", "{\"a\":2147483648.0}")]
    public void Write_DifferentInputs_DifferentText(string one, string other) =>
        Assert.NotEqual(Write(one), Write(other));

    [Fact]
    public void Write_NoVariables_Empty()
    {
        Assert.Equal(string.Empty, CanonicalVariables.Write(null));
        Assert.Equal(string.Empty, Write("{}"));
    }

    [Fact]
    public void Write_UnknownValueType_NotCanonical() =>
        Assert.Null(CanonicalVariables.Write(new Inputs(new Dictionary<string, object?> { ["a"] = new JsonElement() })));
}
