using ArtifactGraph.Bench.Reporting;

namespace ArtifactGraph.Bench.Targets;

/// <summary>
/// One bench run of <c>targets</c>: a verb with its arguments, or why it does not run on this machine (then
/// <see cref="Skipped"/> says so in the report instead of leaving the figure out silently).
/// </summary>
/// <param name="Gathers">
/// Which of the step's figures with a target the table takes (null: all of them), for a step run for only some of
/// its figures; <see cref="Leaves"/> says where the others are.
/// </param>
internal sealed record TargetStep(string Name, IReadOnlyList<string> Arguments, string? Skipped = null, Func<Metric, bool>? Gathers = null, string? Leaves = null)
{
    public string Verb => Arguments[0];

    public string CommandLine => string.Join(' ', Arguments);
}
