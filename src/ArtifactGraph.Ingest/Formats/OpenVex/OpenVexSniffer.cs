namespace ArtifactGraph.Ingest.Formats.OpenVex;

/// <summary>
/// Content check: a JSON object whose <c>@context</c> names openvex.dev, or that has both <c>@context</c> and
/// <c>statements</c> (GUAC's merged example writes an empty <c>@context</c>).
/// </summary>
internal static class OpenVexSniffer
{
    public static bool LooksLikeOpenVex(ReadOnlySpan<byte> content) => JsonSniffing.Decide(content, Scan);

    private static bool? Scan(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var (keys, complete) = JsonKeySniffer.TopLevel(bytes, isFinalBlock);
        if (keys.TryGetValue("@context", out var context) && context is not null && context.Contains("openvex", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (keys.ContainsKey("@context") && keys.ContainsKey("statements"))
        {
            return true;
        }

        return complete ? false : null;
    }
}
