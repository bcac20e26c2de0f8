namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// A line every tenth of a long bulk run (1,000 documents or more): documents, MB and MB/s so far and over the
/// last tenth. A throughput that falls as the store grows (a tier M run) shows here, not in the final average.
/// </summary>
internal sealed class IngestProgress(int documents, TextWriter output)
{
    private const int Quiet = 1_000;

    private readonly int _step = Math.Max(1, documents / 10);
    private int _done;
    private long _bytes;
    private long _stepBytes;
    private TimeSpan _stepStarted;

    public void Document(long bytes, TimeSpan elapsed)
    {
        _done++;
        _bytes += bytes;
        _stepBytes += bytes;
        if (documents < Quiet || _done % _step != 0)
        {
            return;
        }

        var window = (elapsed - _stepStarted).TotalSeconds;
        output.WriteLine($"  {_done:N0}/{documents:N0} documents, {_bytes / 1e6:N0} MB in {elapsed.TotalSeconds:N1} s ({_bytes / 1e6 / elapsed.TotalSeconds:N1} MB/s); the last {_step:N0}: {_stepBytes / 1e6 / window:N1} MB/s");
        _stepBytes = 0;
        _stepStarted = elapsed;
    }
}
