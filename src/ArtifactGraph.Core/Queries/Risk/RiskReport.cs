using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Queries.Risk;

/// <summary>What <see cref="RiskQuery"/> counts as risky.</summary>
public sealed record RiskOptions
{
    /// <summary>A source whose Scorecard aggregate is below this is a risk (OpenSSF Scorecard scores 0–10).</summary>
    public double MinScore { get; init; } = 5.0;

    /// <summary>Only images some deployment runs.</summary>
    public bool RunningOnly { get; init; }
}

/// <summary>
/// The fleet's risky images, riskiest first (<see cref="RiskQuery"/>): every image digest with at least one
/// <see cref="RiskSignal"/>, out of <see cref="Checked"/>.
/// </summary>
public sealed record RiskReport(RiskOptions Options, int Checked, IReadOnlyList<ImageRisk> Images);

/// <summary>One image: its tags, the deployments running it (and their environments), and why it is risky.</summary>
public sealed record ImageRisk(NodeRef Image, IReadOnlyList<string> Tags, int Deployments, IReadOnlyList<string> Environments, IReadOnlyList<RiskSignal> Signals);

/// <summary>
/// One reason an image is risky. <see cref="Code"/> is stable (JSON): <c>no-provenance</c> (nothing says how it
/// was built), <c>unverified-provenance</c> (attestations say, but none verified), <c>low-scorecard</c> (a source
/// it was built from scores below the minimum), <c>no-scorecard</c> (a source with no Scorecard result).
/// </summary>
public sealed record RiskSignal(string Code, string Detail)
{
    public const string NoProvenance = "no-provenance";
    public const string UnverifiedProvenance = "unverified-provenance";
    public const string LowScorecard = "low-scorecard";
    public const string NoScorecard = "no-scorecard";
}
