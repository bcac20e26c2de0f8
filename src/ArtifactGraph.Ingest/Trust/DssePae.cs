using System.Globalization;
using System.Text;

namespace ArtifactGraph.Ingest.Trust;

/// <summary>
/// DSSE's pre-authentication encoding, the bytes a DSSE signature covers:
/// <c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, lengths as ASCII decimal byte counts
/// (https://github.com/secure-systems-lab/dsse/blob/master/protocol.md).
/// </summary>
internal static class DssePae
{
    public static byte[] Encode(string payloadType, ReadOnlySpan<byte> body)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {body.Length} "));
        var result = new byte[header.Length + type.Length + middle.Length + body.Length];
        header.CopyTo(result, 0);
        type.CopyTo(result, header.Length);
        middle.CopyTo(result, header.Length + type.Length);
        body.CopyTo(result.AsSpan(header.Length + type.Length + middle.Length));
        return result;
    }
}
