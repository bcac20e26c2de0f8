namespace ArtifactGraph.Ingest;

/// <summary>
/// A document that cannot be ingested. <see cref="Location"/> is a JSON pointer (<c>/components/3/purl</c>),
/// a line (<c>line 12</c>) or a byte position; <see cref="Reason"/> says what is wrong in words a user can act on.
/// </summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException(string location, string reason)
        : base($"{location}: {reason}")
    {
        Location = location;
        Reason = reason;
    }

    public DocumentRejectedException(string location, string reason, Exception inner)
        : base($"{location}: {reason}", inner)
    {
        Location = location;
        Reason = reason;
    }

    public string Location { get; }

    public string Reason { get; }
}
