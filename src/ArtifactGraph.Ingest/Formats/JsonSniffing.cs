using System.Text;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>Scans top-level JSON keys of a prefix: true/false when decided, null when the bytes ran out first.</summary>
internal delegate bool? JsonTopLevelScan(ReadOnlySpan<byte> bytes, bool isFinalBlock);

/// <summary>
/// The sniffing strategy every JSON reader shares: skip a UTF-8 BOM, require a top-level object, decide
/// from the first 4 KB, and scan the whole document only when those bytes did not decide.
/// </summary>
internal static class JsonSniffing
{
    private const int PrefixBytes = 4096;

    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> content) =>
        content.StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content;

    public static bool Decide(ReadOnlySpan<byte> content, JsonTopLevelScan scan)
    {
        content = SkipBom(content);
        var trimmed = content.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        var prefix = content.Length > PrefixBytes ? content[..PrefixBytes] : content;
        var verdict = scan(prefix, isFinalBlock: prefix.Length == content.Length);
        return verdict ?? (prefix.Length < content.Length && scan(content, isFinalBlock: true) == true);
    }
}
