namespace ArtifactGraph.Server;

/// <summary>
/// Names this assembly's entry point for <c>WebApplicationFactory&lt;ServerEntryPoint&gt;</c> (the
/// generated <c>Program</c> cannot be used: the CLI, which references this assembly, has one too).
/// </summary>
public sealed class ServerEntryPoint
{
    private ServerEntryPoint()
    {
    }
}
