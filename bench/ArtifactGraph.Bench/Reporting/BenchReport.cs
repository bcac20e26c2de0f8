namespace ArtifactGraph.Bench.Reporting;

/// <summary>One measured figure, with the DESIGN.md §8 target it is held against when there is one.</summary>
/// <param name="Met">True/false against the target; null when the figure has no target.</param>
internal sealed record Metric(string Suite, string Name, double Value, string Unit, string? Target, bool? Met, string? Note);

/// <summary>The figures of one run (one or more suites) plus where they were measured.</summary>
internal sealed class BenchReport
{
    public BenchReport(string name, IReadOnlyList<string> arguments)
    {
        Name = name;
        Arguments = arguments;
        StartedAt = DateTimeOffset.UtcNow;
        LoadBefore = MachineInfo.LoadAverage();
    }

    public string Name { get; }

    public IReadOnlyList<string> Arguments { get; }

    public DateTimeOffset StartedAt { get; }

    public string LoadBefore { get; }

    public string LoadAfter { get; private set; } = string.Empty;

    public List<Metric> Metrics { get; } = [];

    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);

    public void Add(string suite, string name, double value, string unit, string? note = null) =>
        Metrics.Add(new Metric(suite, name, value, unit, null, null, note));

    /// <summary>A figure that must be at most <paramref name="limit"/>.</summary>
    public void AtMost(string suite, string name, double value, string unit, double limit, string? note = null) =>
        Metrics.Add(new Metric(suite, name, value, unit, $"<= {Format(limit)} {unit}", value <= limit, note));

    /// <summary>A figure that must be at least <paramref name="limit"/>.</summary>
    public void AtLeast(string suite, string name, double value, string unit, double limit, string? note = null) =>
        Metrics.Add(new Metric(suite, name, value, unit, $">= {Format(limit)} {unit}", value >= limit, note));

    /// <summary>A figure another run measured (<c>targets</c> gathers its steps' results).</summary>
    public void Add(Metric metric) => Metrics.Add(metric);

    public void Finish() => LoadAfter = MachineInfo.LoadAverage();

    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        0 => "0",
        _ when Math.Abs(value) >= 1000 => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        _ when Math.Abs(value) >= 10 => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ when Math.Abs(value) >= 0.1 => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture),
    };
}
