using System.Text;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Server.GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary>
/// search and allNodes: a linear scan over the snapshot's UTF-8 key and name arenas, comparing bytes
/// without decoding or allocating per node. At the design's scale (≈500k nodes) a scan is a few
/// milliseconds, cheaper than keeping an n-gram index in memory beside every snapshot; totalCount needs
/// the whole scan anyway. Matching ignores ASCII case only (purls and ids are ASCII in practice).
/// </summary>
internal static class NodeScan
{
    public static List<int> Run(GraphIndex index, string? text, IReadOnlyCollection<NodeKind>? kinds, NodeFilter? filter, CancellationToken cancellationToken)
    {
        var needle = Utf8(text);
        var prefix = Utf8(filter?.KeyPrefix);
        var nameNeedle = Utf8(filter?.NameContains);
        var ecosystem = filter?.Ecosystem is { Length: > 0 } e ? Encoding.UTF8.GetBytes($"pkg:{e.ToLowerInvariant()}/") : null;
        var wanted = kinds is null ? uint.MaxValue : kinds.Aggregate(0u, (mask, kind) => mask | (1u << (int)kind));
        var hits = new List<int>();
        for (var node = 0; node < index.NodeCount; node++)
        {
            if ((node & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var kind = index.KindOf(node);
            if ((wanted & (1u << (int)kind)) == 0)
            {
                continue;
            }

            var key = index.Utf8KeyOf(node);
            var name = index.Utf8NameOf(node);
            if ((needle is null || Contains(key, needle) || Contains(name, needle))
                && (prefix is null || key.StartsWith(prefix))
                && (nameNeedle is null || Contains(name, nameNeedle))
                && (ecosystem is null || (kind is NodeKind.Package or NodeKind.PackageVersion && StartsWithIgnoreCase(key, ecosystem))))
            {
                hits.Add(node);
            }
        }

        return hits;
    }

    private static byte[]? Utf8(string? text) => string.IsNullOrEmpty(text) ? null : Encoding.UTF8.GetBytes(text);

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && EqualsIgnoreCase(text[..prefix.Length], prefix);

    /// <summary>Whether <paramref name="haystack"/> contains <paramref name="needle"/>, ignoring ASCII case.</summary>
    internal static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (EqualsIgnoreCase(haystack.Slice(i, needle.Length), needle))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (Fold(a[i]) != Fold(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static byte Fold(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
}
