using System.Text;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// Cheap content check: a JSON object whose first 4 KB mention an SPDX 3 context (<c>spdx.org/rdf/3</c>) or
/// an <c>@graph</c> together with a type only SPDX 3 uses. A byte search, not a parse: the reader does the
/// checking and rejects with a reason.
/// </summary>
internal static class Spdx3Sniffer
{
    private const int PrefixBytes = 4096;

    private static readonly string[] Spdx3TypeMarkers =
        ["\"SpdxDocument\"", "\"software_Package\"", "\"software_Sbom\"", "\"software_File\"", "\"CreationInfo\"", "spdx.org/rdf/3"];

    public static bool LooksLikeSpdx3(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> skip = [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];
        var trimmed = content.TrimStart(skip);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        var prefix = Encoding.UTF8.GetString(trimmed.Length > PrefixBytes ? trimmed[..PrefixBytes] : trimmed);
        if (prefix.Contains("spdx.org/rdf/3", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return prefix.Contains("\"@graph\"", StringComparison.Ordinal)
            && Spdx3TypeMarkers.Any(m => prefix.Contains(m, StringComparison.Ordinal));
    }
}
