using ArtifactGraph.Core.Identity;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Scorecard;

/// <summary>
/// Scorecard's repository name (<c>github.com/owner/repo</c>) as a canonical Source URL. Scorecard reads
/// a bare <c>owner/repo</c> as GitHub, so that is accepted with a warning; a name with neither host nor
/// owner (<c>foo</c>) names no repository and rejects the document.
/// </summary>
internal static class ScorecardRepository
{
    public static SourceLocation Parse(string name, string pointer, IngestBatchBuilder builder)
    {
        var text = name.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 2 && !segments[0].Contains('.', StringComparison.Ordinal))
            {
                builder.Warn(pointer, $"repository '{name}' has no host: taken as github.com/{text}, as Scorecard does");
                text = "github.com/" + text;
            }

            text = "https://" + text;
        }

        if (!SourceLocation.TryParse(text, assumeGit: true, out var location) || location.Repository.Count(c => c == '/') < 4)
        {
            throw new DocumentRejectedException(pointer, $"repository '{name}' is not host/owner/repo: which repository was scored is unknown");
        }

        return location;
    }
}
