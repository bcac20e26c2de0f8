using System.Diagnostics;
using System.Globalization;
using ArtifactGraph.Bench.Reporting;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// <c>versions [--count N] [--seed N]</c>: sorts N generated versions per scheme (first sort parses and fills
/// the cache, the second reads it) and evaluates the Log4Shell ranges against N Maven versions — what a
/// blast-radius query over thousands of versions costs.
/// </summary>
internal static class VersionsSuite
{
    private const string Suite = "versions";

    public static int Run(BenchOptions options, BenchReport report, TextWriter output)
    {
        var count = int.Parse(options.Value("--count") ?? "20000", CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(options.Value("--seed") ?? "42", CultureInfo.InvariantCulture));
        var generators = new (string Ecosystem, Func<Random, string> Make)[]
        {
            ("npm", r => $"{r.Next(20)}.{r.Next(30)}.{r.Next(50)}" + (r.Next(5) == 0 ? $"-beta.{r.Next(12)}" : "")),
            ("PyPI", r => $"{r.Next(20)}.{r.Next(30)}" + (r.Next(4) switch { 0 => $"rc{r.Next(3)}", 1 => $".post{r.Next(3)}", 2 => $".dev{r.Next(3)}", _ => "" })),
            ("Maven", r => $"{r.Next(5)}.{r.Next(20)}.{r.Next(10)}" + (r.Next(4) switch { 0 => $"-beta{r.Next(10)}", 1 => "-SNAPSHOT", _ => "" })),
            ("Debian", r => $"{(r.Next(5) == 0 ? "1:" : "")}{r.Next(10)}.{r.Next(20)}{(r.Next(4) == 0 ? "~rc1" : "")}-{r.Next(5)}+deb{r.Next(9, 13)}u{r.Next(4)}"),
            ("Red Hat", r => $"{r.Next(10)}.{r.Next(20)}.{r.Next(9)}-{r.Next(30)}.el{r.Next(7, 10)}_{r.Next(5)}"),
            ("Alpine", r => $"{r.Next(10)}.{r.Next(20)}.{r.Next(9)}{(r.Next(4) == 0 ? "_rc1" : "")}-r{r.Next(5)}"),
            ("Hackage", r => $"{r.Next(10)}.{r.Next(20)}.{r.Next(9)}.{r.Next(9)}"),
        };

        output.WriteLine($"{count:N0} versions per scheme");
        foreach (var (ecosystem, make) in generators)
        {
            var scheme = VersionSchemes.ForEcosystem(ecosystem);
            var versions = Enumerable.Range(0, count).Select(_ => make(random)).ToArray();
            var comparer = new CountingComparer(scheme);
            var cold = Time(() => Array.Sort((string[])versions.Clone(), comparer));
            var compares = comparer.Calls;
            var warm = Time(() => Array.Sort((string[])versions.Clone(), comparer));
            report.Add(Suite, $"{ecosystem} ({scheme.Name}) sort, first (parses)", compares / cold, "compares/s", $"{cold * 1000:N0} ms");
            report.Add(Suite, $"{ecosystem} ({scheme.Name}) sort, warm cache", compares / warm, "compares/s", $"{warm * 1000:N0} ms");
        }

        var claim = new AffectedClaim
        {
            Ecosystem = "Maven",
            Ranges =
            [
                new OsvRange("ECOSYSTEM", [new OsvEvent("introduced", "2.0-beta9"), new OsvEvent("fixed", "2.3.1")]),
                new OsvRange("ECOSYSTEM", [new OsvEvent("introduced", "2.4"), new OsvEvent("fixed", "2.12.2")]),
                new OsvRange("ECOSYSTEM", [new OsvEvent("introduced", "2.13.0"), new OsvEvent("fixed", "2.15.0")]),
            ],
        };
        var candidates = Enumerable.Range(0, count).Select(_ => $"2.{random.Next(20)}.{random.Next(5)}").ToArray();
        var affected = 0;
        var seconds = Time(() => affected = candidates.Count(v => AffectedMatcher.Evaluate(claim, v).Outcome == MatchOutcome.Affected));
        report.Add(Suite, "AffectedMatcher, Log4Shell's 3 Maven ranges", count / seconds, "evaluations/s", $"{affected:N0} of {count:N0} affected");
        return 0;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private sealed class CountingComparer(IVersionScheme scheme) : IComparer<string>
    {
        public long Calls { get; private set; }

        public int Compare(string? x, string? y)
        {
            Calls++;
            return scheme.Compare(x!, y!);
        }
    }
}
