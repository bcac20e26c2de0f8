using System.Runtime.CompilerServices;
using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Advisories;

/// <summary>
/// One SEMVER or ECOSYSTEM range per the OSV schema's evaluation algorithm: events sorted by version
/// (introduced "0" first), introduced opens, fixed closes before its version, last_affected closes after
/// it, and a version at or past every limit is outside. Written as intervals so the explanation can
/// name the one that matched.
/// </summary>
internal static class OsvRangeEvaluator
{
    // One claim is evaluated against many versions in a blast-radius query: read each range once.
    private static readonly ConditionalWeakTable<OsvRange, CachedRead> Cache = [];

    private sealed record CachedRead(IVersionScheme Scheme, RangeIntervals? Intervals, string? Problem);

    /// <summary>The range as intervals; null with <paramref name="problem"/> when a bound does not parse.</summary>
    public static RangeIntervals? Read(OsvRange range, IVersionScheme scheme, out string? problem)
    {
        if (!Cache.TryGetValue(range, out var read) || read.Scheme != scheme)
        {
            var intervals = ReadUncached(range, scheme, out var p);
            read = new CachedRead(scheme, intervals, p);
            Cache.AddOrUpdate(range, read);
        }

        problem = read.Problem;
        return read.Intervals;
    }

    private static RangeIntervals? ReadUncached(OsvRange range, IVersionScheme scheme, out string? problem)
    {
        problem = null;
        var notes = new List<string>();
        var events = new List<(OsvEvent Event, int Order)>();
        foreach (var e in range.Events)
        {
            if (e.Value.Length == 0)
            {
                // A real GHSA record has "fixed": "" (flatmap-stream); OSV gives it no meaning, so it is absent.
                notes.Add($"empty '{e.Kind}' event ignored");
                continue;
            }

            var isZero = e.Kind == "introduced" && e.Value == "0";
            if (!isZero && !scheme.IsValid(e.Value))
            {
                problem = $"'{e.Kind}' bound '{e.Value}' is not a valid {scheme.Name} version";
                return null;
            }

            var order = e.Kind switch { "introduced" => 0, "fixed" => 1, "last_affected" => 2, "limit" => 3, _ => -1 };
            if (order < 0)
            {
                notes.Add($"unknown event '{e.Kind}' ignored");
                continue;
            }

            events.Add((e, order));
        }

        if (!events.Any(p => p.Event.Kind == "introduced"))
        {
            // The OSV schema requires one; without it the range says nothing that can be trusted either way.
            problem = "the range has no 'introduced' event";
            return null;
        }

        events.Sort((a, b) =>
        {
            var az = a.Event.Kind == "introduced" && a.Event.Value == "0";
            var bz = b.Event.Kind == "introduced" && b.Event.Value == "0";
            var c = az || bz ? (az && bz ? 0 : az ? -1 : 1) : scheme.Compare(a.Event.Value, b.Event.Value);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });

        var intervals = new List<Interval>();
        string? open = null;
        foreach (var (e, _) in events)
        {
            switch (e.Kind)
            {
                case "introduced" when open is null:
                    open = e.Value;
                    break;
                case "fixed" when open is not null:
                    intervals.Add(new Interval(open, e.Value, UpperInclusive: false));
                    open = null;
                    break;
                case "last_affected" when open is not null:
                    intervals.Add(new Interval(open, e.Value, UpperInclusive: true));
                    open = null;
                    break;
            }
        }

        if (open is not null)
        {
            intervals.Add(new Interval(open, null, UpperInclusive: false));
        }

        var limits = events.Where(p => p.Event.Kind == "limit").Select(p => p.Event.Value).ToList();
        var fixes = events.Where(p => p.Event.Kind == "fixed").Select(p => p.Event.Value).ToList();
        return new RangeIntervals(intervals, limits, fixes, notes);
    }
}

/// <summary>An affected interval: [Lower, Upper) or [Lower, Upper]; Upper null means unbounded.</summary>
internal sealed record Interval(string Lower, string? Upper, bool UpperInclusive)
{
    public bool Contains(string version, IVersionScheme scheme) =>
        (Lower == "0" || scheme.Compare(version, Lower) >= 0)
        && (Upper is null || (UpperInclusive ? scheme.Compare(version, Upper) <= 0 : scheme.Compare(version, Upper) < 0));

    public override string ToString() => $"[{Lower}, {Upper ?? "∞"}{(UpperInclusive ? "]" : ")")}";
}

internal sealed record RangeIntervals(IReadOnlyList<Interval> Intervals, IReadOnlyList<string> Limits, IReadOnlyList<string> Fixes, IReadOnlyList<string> Notes)
{
    public Interval? Matching(string version, IVersionScheme scheme)
    {
        if (Limits.Count > 0 && Limits.All(l => scheme.Compare(version, l) >= 0))
        {
            return null;
        }

        return Intervals.FirstOrDefault(i => i.Contains(version, scheme));
    }
}
