namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s by binary search over the
/// cumulative weights. <see cref="Sample(ref Rng, int)"/> can restrict the draw to a prefix, which is
/// how dependencies point only at more popular packages (keeping the graph mostly acyclic).
/// </summary>
internal sealed class ZipfTable
{
    private readonly double[] _cumulative;

    public ZipfTable(int n, double exponent)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, exponent);
            _cumulative[i] = sum;
        }
    }

    public int Count => _cumulative.Length;

    public int Sample(ref Rng rng) => Sample(ref rng, _cumulative.Length);

    /// <summary>A rank in [0, limit).</summary>
    public int Sample(ref Rng rng, int limit)
    {
        var u = rng.NextDouble() * _cumulative[limit - 1];
        int lo = 0, hi = limit - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_cumulative[mid] > u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
