using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using ArtifactGraph.Core.Storage;
using GraphQL;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// What decides a query's response on one snapshot (the snapshot itself is the cache's generation):
/// the query text, the operation name, the canonical variables and the caller's role (the only thing
/// about a caller a field looks at: <see cref="Roles"/>). Hashed once with XxHash128 for the table; the
/// parts are kept and compared on every hit, so a hash collision is a miss, never another answer.
/// </summary>
internal sealed class ResponseCacheKey : IEquatable<ResponseCacheKey>
{
    private ResponseCacheKey(string query, string operationName, string variables, ApiKeyRole role)
    {
        Query = query;
        OperationName = operationName;
        Variables = variables;
        Role = role;
        var hash = new XxHash128();
        Append(hash, query);
        Append(hash, operationName);
        Append(hash, variables);
        hash.Append([(byte)role]);
        Hash = hash.GetCurrentHashAsUInt128();
    }

    public string Query { get; }

    public string OperationName { get; }

    public string Variables { get; }

    public ApiKeyRole Role { get; }

    public UInt128 Hash { get; }

    /// <summary>Bytes the key holds (strings are UTF-16), for the cache's size bound.</summary>
    public long Bytes => 2L * (Query.Length + OperationName.Length + Variables.Length);

    /// <summary>The key of a request; null when its variables cannot be written canonically (then it is not cached).</summary>
    public static ResponseCacheKey? TryCreate(string query, string? operationName, Inputs? variables, ApiKeyRole role) =>
        CanonicalVariables.Write(variables) is { } canonical ? new ResponseCacheKey(query, operationName ?? string.Empty, canonical, role) : null;

    public bool Equals(ResponseCacheKey? other) =>
        other is not null
        && Hash == other.Hash
        && Role == other.Role
        && string.Equals(Query, other.Query, StringComparison.Ordinal)
        && string.Equals(OperationName, other.OperationName, StringComparison.Ordinal)
        && string.Equals(Variables, other.Variables, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ResponseCacheKey);

    public override int GetHashCode() => (int)(ulong)Hash;

    /// <summary>Length first, so ("ab", "c") and ("a", "bc") hash apart.</summary>
    private static void Append(XxHash128 hash, string text)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
