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
    public static string Encode(NodeKind kind, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{kind}:{key}"));

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
