using System.Diagnostics;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Queries.BlastRadius;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>blast-radius --median-loops N</c>: the 200 answers around the p50, replayed N times in turn, whole and as the bare
/// walk. One pass over 2,000 different answers moves by ±15% between runs on a busy machine; the mean over N × 200
/// replays moves by a few percent, so a change to the median's path can be told from noise in an A/B pair. The answers
/// are warmer than in the timed pass (200 answers' data is re-read N times), so these figures sit below its p50.
/// </summary>
internal static class MedianReplay
{
    private const int Answers = 200;

    public static void Run(GraphIndex index, AdvisoryCatalog catalog, NodePropertyReader properties, IReadOnlyList<BlastRadiusRequest> byCpu, int loops, BenchReport report, string suite)
    {
        var middle = byCpu.Skip(Math.Max(0, (byCpu.Count / 2) - (Answers / 2))).Take(Answers).ToList();
        var starts = middle.Select(r => BlastRadiusQuery.Run(index, catalog, properties, r).Starts).ToList();

        var pause0 = GC.GetTotalPauseDuration();
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var whole = Stopwatch.StartNew();
        for (var l = 0; l < loops; l++)
        {
            foreach (var request in middle)
            {
                BlastRadiusQuery.Run(index, catalog, properties, request);
            }
        }

        var replays = (double)loops * middle.Count;
        var wholeMs = whole.Elapsed.TotalMilliseconds / replays;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - alloc0;
        var gcPause = GC.GetTotalPauseDuration() - pause0;
        var walk = Stopwatch.StartNew();
        for (var l = 0; l < loops; l++)
        {
            foreach (var s in starts)
            {
                ClosureQuery.Run(index, s, Direction.Dependents);
            }
        }

        var walkMs = walk.Elapsed.TotalMilliseconds / replays;
        report.Add(suite, "median answers replayed, mean", wholeMs * 1000, "µs", $"the {middle.Count} answers around the p50, {loops} times each in turn; warmer than the timed pass; {allocated / replays / 1024:F0} KB allocated and {gcPause.TotalMilliseconds * 1000 / replays:F1} µs of collector pauses an answer");
        report.Add(suite, "  of which the walk alone, mean", walkMs * 1000, "µs", "ClosureQuery.Run from the same starts");
    }
}
