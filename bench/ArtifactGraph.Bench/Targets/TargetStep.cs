namespace ArtifactGraph.Bench.Targets;

/// <summary>
/// One bench run of <c>targets</c>: a verb with its arguments, or why it does not run on this machine (then
/// <see cref="Skipped"/> says so in the report instead of leaving the figure out silently).
/// </summary>
internal sealed record TargetStep(string Name, IReadOnlyList<string> Arguments, string? Skipped = null)
{
    public string Verb => Arguments[0];

    public string CommandLine => string.Join(' ', Arguments);
}
