namespace ArtifactGraph.Ingest.Formats.Csaf;

/// <summary>Content check: a JSON object whose top-level <c>document</c> object has a <c>csaf_version</c>.</summary>
internal static class CsafSniffer
{
    public static bool LooksLikeCsaf(ReadOnlySpan<byte> content) => JsonSniffing.Decide(content, Scan);

    private static bool? Scan(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var (keys, complete) = JsonKeySniffer.TopLevel(bytes, isFinalBlock, nested: key => key == "document");
        if (keys.ContainsKey("document/csaf_version"))
        {
            return true;
        }

        return complete ? false : null;
    }
}
