namespace ArtifactGraph.Server.Operations;

/// <summary>Whether the index has been loaded from the store (<c>/readyz</c>; GraphQL answers 503 before).</summary>
internal sealed class Readiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
