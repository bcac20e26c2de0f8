using System.Buffers.Text;
using System.Text;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// Relay global ids: base64url (no padding) of <c>Kind:key</c>, e.g. <c>PackageVersion:pkg:npm/x@1</c>.
/// The kind comes first and never contains ':', so the key may contain anything. Ids are stable across
/// snapshots and servers: they name the node, not its position in an index.
/// </summary>
internal static class GlobalIds
{
    private static readonly byte[]?[] KindPrefixes = Prefixes();

    /// <summary>Every node of an answer page asks for its id, so the UTF-8 text is built in a pooled buffer, not as two strings.</summary>
    public static string Encode(NodeKind kind, string key)
    {
        var prefix = (uint)kind < (uint)KindPrefixes.Length && KindPrefixes[(int)kind] is { } known ? known : Encoding.UTF8.GetBytes(kind + ":");
        var length = prefix.Length + Encoding.UTF8.GetMaxByteCount(key.Length);
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            prefix.CopyTo(rented, 0);
            var written = prefix.Length + Encoding.UTF8.GetBytes(key, rented.AsSpan(prefix.Length));
            return Base64Url.EncodeToString(rented.AsSpan(0, written));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte[]?[] Prefixes()
    {
        var kinds = Enum.GetValues<NodeKind>();
        var prefixes = new byte[]?[kinds.Max(k => (int)k) + 1];
        foreach (var kind in kinds)
        {
            prefixes[(int)kind] = Encoding.UTF8.GetBytes(kind + ":");
        }

        return prefixes;
    }

    public static bool TryDecode(string id, out NodeKind kind, out string key)
    {
        kind = default;
        key = string.Empty;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':');
        if (colon <= 0 || !Enum.TryParse(text[..colon], ignoreCase: false, out kind) || !Enum.IsDefined(kind) || char.IsDigit(text[0]))
        {
            return false;
        }

        key = text[(colon + 1)..];
        return true;
    }
}
