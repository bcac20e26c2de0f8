namespace ArtifactGraph.Bench.Reporting;

/// <summary>Prints a report as a plain aligned table (no colour, so it pastes into docs as is).</summary>
internal static class TableWriter
{
    private static readonly string[] Header = ["Suite", "Metric", "Value", "Unit", "Target", "Status"];

    public static void Write(TextWriter output, BenchReport report)
    {
        output.WriteLine();
        output.WriteLine($"== {report.Name}   load before {report.LoadBefore}, after {report.LoadAfter}");
        output.WriteLine($"   tiered PGO: {MachineInfo.TieredPgo()}");
        output.WriteLine($"   GC: {MachineInfo.GcConfig()}");
        foreach (var (key, value) in report.Facts)
        {
            output.WriteLine($"   {key}: {value}");
        }

        var rows = new List<string[]> { Header };
        rows.AddRange(report.Metrics.Select(m => new[]
        {
            m.Suite,
            m.Name,
            BenchReport.Format(m.Value),
            m.Unit,
            m.Target ?? string.Empty,
            m.Met switch { true => "met", false => "NOT MET", null => string.Empty },
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            output.WriteLine(string.Join("  ", rows[r].Select((cell, c) => c == 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
            if (r == 0)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        foreach (var note in report.Metrics.Where(m => m.Note is not null))
        {
            output.WriteLine($"   note ({note.Name}): {note.Note}");
        }
    }
}
