using System.Text;

namespace ArtifactGraph.Ingest.Formats.Osv;

/// <summary>
/// Content checks for OSV records. JSON: a top-level object with <c>modified</c> and any of <c>id</c>,
/// <c>affected</c>, <c>schema_version</c>, <c>aliases</c>, or with <c>id</c> and <c>affected</c> or
/// <c>schema_version</c> (a record missing a required field is still claimed, so it is rejected saying so
/// rather than as an unknown format), and none of the keys that mark SBOM, CSAF or
/// OpenVEX documents. YAML: unindented <c>modified:</c> and <c>id:</c> or <c>affected:</c> lines.
/// </summary>
internal static class OsvSniffer
{
    private static readonly string[] Markers = ["id", "affected", "schema_version", "aliases"];
    private static readonly string[] OtherFormats = ["bomFormat", "spdxVersion", "document", "@context", "statements", "@graph", "SPDXID"];

    public static bool LooksLikeJson(ReadOnlySpan<byte> content) => JsonSniffing.Decide(content, Scan);

    public static bool LooksLikeYaml(ReadOnlySpan<byte> content)
    {
        content = JsonSniffing.SkipBom(content);
        var prefix = content.Length > 65536 ? content[..65536] : content;
        var trimmed = prefix.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] is (byte)'{' or (byte)'[' or (byte)'<')
        {
            return false;
        }

        var lines = Encoding.UTF8.GetString(prefix).Split('\n');
        return lines.Any(l => l.StartsWith("modified:", StringComparison.Ordinal))
            && lines.Any(l => l.StartsWith("id:", StringComparison.Ordinal) || l.StartsWith("affected:", StringComparison.Ordinal))
            && !lines.Any(l => l.StartsWith("spdxVersion:", StringComparison.Ordinal));
    }

    private static bool? Scan(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var (keys, complete) = JsonKeySniffer.TopLevel(bytes, isFinalBlock);
        if (OtherFormats.Any(keys.ContainsKey))
        {
            return false;
        }

        if ((keys.ContainsKey("modified") && Markers.Any(keys.ContainsKey))
            || (keys.ContainsKey("id") && (keys.ContainsKey("affected") || keys.ContainsKey("schema_version"))))
        {
            return true;
        }

        return complete ? false : null;
    }
}
