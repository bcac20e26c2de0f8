using System.Globalization;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Core.Queries.Images;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Queries.Risk;

/// <summary>
/// <c>risk</c>: which images of the fleet carry supply-chain risk — built with no provenance, provenance whose
/// attestations did not verify (unsigned, unknown key), or from a source with a low or no OpenSSF Scorecard — and
/// which deployments run them. Riskiest first: more signals, then more deployments (a risky image that runs
/// matters before one that does not), then by digest. Provenance is read as <see cref="ProvenanceQuery"/> reads
/// it for one image (the image digest and the artifact of the same digest).
/// </summary>
public static class RiskQuery
{
    public static RiskReport Run(GraphIndex index, IGraphStore store, RiskOptions options)
    {
        var found = new List<(int Image, List<int> Deployments, List<RiskSignal> Signals)>();
        var checkedImages = 0;
        for (var node = 0; node < index.NodeCount; node++)
        {
            if (index.KindOf(node) != NodeKind.Image || !IsDigest(index.KeyOf(node)))
            {
                continue;
            }

            var deployments = DeploymentsOf(index, node);
            if (options.RunningOnly && deployments.Count == 0)
            {
                continue;
            }

            checkedImages++;
            var provenance = ProvenanceQuery.Run(index, store, new ResolvedTarget(index.KeyOf(node), [node], null));
            var signals = Signals(provenance, options.MinScore);
            if (signals.Count > 0)
            {
                found.Add((node, deployments, signals));
            }
        }

        // Environments as blast radius ranks by them: the snapshot's deployment facts, read from the store once.
        var facts = DeploymentFacts.For(index, store.GetNodeProperties);
        facts.Prepare([.. found.SelectMany(f => f.Deployments).Distinct()], store.GetNodeProperties, []);
        var images = found
            .OrderByDescending(f => f.Signals.Count)
            .ThenByDescending(f => f.Deployments.Count)
            .ThenBy(f => index.KeyOf(f.Image), StringComparer.Ordinal)
            .Select(f => new ImageRisk(
                index.RefOf(f.Image),
                ImageTagResolver.TagsOf(index, f.Image),
                f.Deployments.Count,
                [.. f.Deployments.Select(facts.EnvironmentOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                f.Signals))
            .ToList();
        return new RiskReport(options, checkedImages, images);
    }

    private static List<RiskSignal> Signals(ProvenanceResult provenance, double minScore)
    {
        var signals = new List<RiskSignal>();
        if (provenance.Subjects.Count == 0)
        {
            signals.Add(new RiskSignal(RiskSignal.NoProvenance, "no attestation says how it was built"));
            return signals;
        }

        var attestations = provenance.Subjects.SelectMany(s => s.Attestations).ToList();
        if (!attestations.Any(a => a.Verified))
        {
            var reasons = attestations.Select(a => a.Reason ?? "not verified").Distinct(StringComparer.Ordinal);
            signals.Add(new RiskSignal(RiskSignal.UnverifiedProvenance, $"{attestations.Count} attestation(s), none verified: {string.Join("; ", reasons)}"));
        }

        foreach (var source in provenance.Subjects.SelectMany(s => s.Sources).DistinctBy(s => (s.Repository, s.Revision)))
        {
            if (source.Scorecard?.Score is not { } score)
            {
                signals.Add(new RiskSignal(RiskSignal.NoScorecard, $"{source.Repository}: no Scorecard result"));
            }
            else if (score < minScore)
            {
                signals.Add(new RiskSignal(RiskSignal.LowScorecard, string.Create(CultureInfo.InvariantCulture, $"{source.Repository}: Scorecard {score:0.0} < {minScore:0.0} ({source.Scorecard.Basis})")));
            }
        }

        return signals;
    }

    /// <summary>Deployments running the image, directly or through a tag that resolves to it.</summary>
    private static List<int> DeploymentsOf(GraphIndex index, int image)
    {
        var runs = ImageQuery.RunsIn(index, image);
        return [.. Enumerable.Range(0, runs.Count).Select(runs.NodeAt).Where(n => index.KindOf(n) == NodeKind.Deployment)];
    }

    private static bool IsDigest(string key) => key.StartsWith("sha256:", StringComparison.Ordinal) || key.StartsWith("sha512:", StringComparison.Ordinal);
}
