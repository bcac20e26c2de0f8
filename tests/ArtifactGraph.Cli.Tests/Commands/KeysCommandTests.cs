using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Cli.Tests.Commands;

public sealed class KeysCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Create_Role_PrintsKeyOnceAndStoresOnlyItsHash()
    {
        var created = _cli.Json("keys", "create", "--role", "ingester", "--name", "ci");
        var key = created.GetProperty("key").GetString()!;

        Assert.StartsWith(ApiKeys.Prefix, key);
        var listed = Assert.Single(_cli.Json("keys", "list").EnumerateArray());
        Assert.Equal(("ci", "ingester"), (listed.GetProperty("name").GetString(), listed.GetProperty("role").GetString()));
        Assert.DoesNotContain(key, listed.GetRawText());
        Assert.All(Directory.GetFiles(_cli.Dir, "graph.db*"), file => Assert.DoesNotContain(key, File.ReadAllText(file, System.Text.Encoding.Latin1)));
    }

    [Fact]
    public void Create_UnknownRole_UsageError()
    {
        Assert.Equal(2, _cli.Run("keys", "create", "--role", "root").Exit);
        Assert.Equal(2, _cli.Run("keys", "create", "--role", "2").Exit);
        Assert.Equal(2, _cli.Run("keys", "create").Exit);
    }

    [Fact]
    public void Revoke_Id_MarksRevokedOnce()
    {
        var id = _cli.Json("keys", "create", "--role", "reader").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(0, _cli.Run("keys", "revoke", id).Exit);
        Assert.Equal(1, _cli.Run("keys", "revoke", id).Exit);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, _cli.Json("keys", "list")[0].GetProperty("revokedAt").ValueKind);
    }
}
