using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Storage.Conformance;

/// <summary>API keys (IApiKeyStore): stored by hash, listed, found, revoked once.</summary>
public abstract partial class GraphStoreConformanceTests
{
    private IApiKeyStore NewKeyStore() => Assert.IsAssignableFrom<IApiKeyStore>(NewStore());

    [Fact]
    public void CreateApiKey_NewKey_IsFoundByHashWithRoleAndStoreTime()
    {
        var keys = NewKeyStore();
        var hash = ApiKeys.Hash(ApiKeys.Generate());

        var created = keys.CreateApiKey("ci", ApiKeyRole.Ingester, hash);

        var found = keys.FindApiKey(hash);
        Assert.NotNull(found);
        Assert.Equal(created, found);
        Assert.Equal(("ci", ApiKeyRole.Ingester, Time.GetUtcNow()), (found.Name, found.Role, found.CreatedAt));
        Assert.False(found.IsRevoked);
    }

    [Fact]
    public void FindApiKey_UnknownHash_ReturnsNull()
    {
        var keys = NewKeyStore();
        keys.CreateApiKey("a", ApiKeyRole.Reader, ApiKeys.Hash("one"));

        Assert.Null(keys.FindApiKey(ApiKeys.Hash("two")));
    }

    [Fact]
    public void ListApiKeys_SeveralKeys_OldestFirst()
    {
        var keys = NewKeyStore();
        keys.CreateApiKey("first", ApiKeyRole.Reader, ApiKeys.Hash("1"));
        keys.CreateApiKey("second", ApiKeyRole.Admin, ApiKeys.Hash("2"));

        Assert.Equal(["first", "second"], keys.ListApiKeys().Select(k => k.Name));
    }

    [Fact]
    public void CreateApiKey_SameHashTwice_Throws()
    {
        var keys = NewKeyStore();
        keys.CreateApiKey("a", ApiKeyRole.Reader, ApiKeys.Hash("same"));

        Assert.ThrowsAny<Exception>(() => keys.CreateApiKey("b", ApiKeyRole.Reader, ApiKeys.Hash("same")));
    }

    [Fact]
    public void RevokeApiKey_Existing_MarksRevokedOnceAndKeepsRow()
    {
        var keys = NewKeyStore();
        var key = keys.CreateApiKey("old", ApiKeyRole.Reader, ApiKeys.Hash("k"));
        Time.Advance(TimeSpan.FromHours(1));

        Assert.True(keys.RevokeApiKey(key.Id));
        Assert.False(keys.RevokeApiKey(key.Id));
        Assert.False(keys.RevokeApiKey(key.Id + 100));
        var revoked = keys.FindApiKey(ApiKeys.Hash("k"));
        Assert.Equal(Time.GetUtcNow(), revoked!.RevokedAt);
        Assert.Single(keys.ListApiKeys());
    }

    [Fact]
    public void Generate_TwoKeys_DifferAndCarryPrefix()
    {
        var (a, b) = (ApiKeys.Generate(), ApiKeys.Generate());

        Assert.NotEqual(a, b);
        Assert.StartsWith(ApiKeys.Prefix, a);
        Assert.Equal(64, ApiKeys.Hash(a).Length);
    }
}
