using System.Globalization;
using System.Text;
using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Queries.BlastRadius;
using ArtifactGraph.Core.Storage;
using Spectre.Console;

namespace ArtifactGraph.Cli.Output;

/// <summary>
/// The blast radius for people: a headline, the affected packages with the range that matched, the
/// deployments ranked for action, the images with their paths, what VEX suppressed. Paths mark each
/// edge with numbered documents listed at the end. Each table lists at most a limit of rows, in the order
/// the answer ranks them, and a line after it says how many more there are.
/// </summary>
internal static class BlastRadiusText
{
    public static void Write(IAnsiConsole console, GraphIndex index, BlastRadiusResult result, IReadOnlyDictionary<long, DocumentSummary> documents, EdgeProvenance provenance, int limit)
    {
        var legend = new Legend();
        WriteHeadline(console, result);
        foreach (var unusable in result.Unusable)
        {
            console.MarkupLineInterpolated($"[yellow]unusable range[/] {unusable.Entry.Vulnerability} for {unusable.Entry.Package.Key}@{unusable.Version}: {unusable.Reason}");
        }

        if (result.AffectedPackages.Count > 0)
        {
            var packages = new Table().Title("Affected packages").AddColumns("Package", "Why", "Fix", "Advisory");
            foreach (var affected in result.AffectedPackages)
            {
                var match = affected.Matches[0];
                var advisory = documents.TryGetValue(match.Entry.DocumentId, out var d) ? $"{match.Entry.Vulnerability} [{legend.Number(d)}]" : match.Entry.Vulnerability;
                packages.AddRow(Esc(index.KeyOf(affected.Node)), Esc(match.Explanation), Esc(match.FixedVersion ?? "none named"), Esc(advisory));
            }

            console.Write(packages);
        }

        if (result.Deployments.Count > 0)
        {
            var deployments = new Table().Title("Deployments, most urgent first").AddColumns("#", "Environment", "Cluster", "Workload", "Exposure", "Replicas", "Image", "Package", "Move to");
            var rank = 0;
            foreach (var deployment in result.Deployments.Take(limit))
            {
                deployments.AddRow(
                    (++rank).ToString(CultureInfo.InvariantCulture),
                    Esc(deployment.Environment),
                    Esc(deployment.Cluster),
                    Esc(index.NameOf(deployment.Node) ?? index.KeyOf(deployment.Node)),
                    Esc(deployment.Exposure),
                    deployment.Replicas.ToString(CultureInfo.InvariantCulture),
                    Esc(deployment.Image is { } image ? index.NameOf(image) ?? index.KeyOf(image) : "?"),
                    Esc(index.KeyOf(deployment.AffectedPackage)),
                    Esc(deployment.FixedVersion ?? "-"));
            }

            console.Write(deployments);
            RowLimit.WriteMore(console, result.Deployments.Count, limit, "deployment(s)");
        }

        WriteHits(console, index, result, provenance, legend, NodeKind.Image, "Images", "image(s)", limit);
        WriteHits(console, index, result, provenance, legend, NodeKind.PackageVersion, "Dependent packages", "dependent package(s)", limit);
        if (result.Suppressed.Count > 0)
        {
            var suppressed = new Table().Title("Suppressed by VEX").AddColumns("Kind", "Id", "Status", "Justification", "Issuer", "Product", "Statement");
            foreach (var item in result.Suppressed)
            {
                var statement = item.Decision.Statement;
                var document = documents.TryGetValue(statement.DocumentId, out var d) ? $"[{legend.Number(d)}]" : "?";
                suppressed.AddRow(
                    Esc(index.KindOf(item.Node).ToString()),
                    Esc(index.KindOf(item.Node) == NodeKind.Deployment ? index.KeyOf(item.Node) : index.NameOf(item.Node) ?? index.KeyOf(item.Node)),
                    Esc(statement.Claim.Status.ToWireName()),
                    Esc(statement.Claim.Justification ?? "-"),
                    Esc(statement.Claim.Issuer),
                    Esc(item.Direct ? "itself" : "through " + index.KeyOf(item.Decision.Product)),
                    Esc(document));
            }

            console.Write(suppressed);
        }

        foreach (var annotation in result.Annotations)
        {
            console.MarkupLineInterpolated($"VEX {annotation.Statement.Claim.Status.ToWireName()} for {index.KeyOf(annotation.Product)} by {annotation.Statement.Claim.Issuer}{(result.VexIgnored ? " (ignored: --ignore-vex)" : string.Empty)}");
        }

        legend.Write(console);
    }

    private static void WriteHeadline(IAnsiConsole console, BlastRadiusResult result)
    {
        var counts = $"{result.AffectedPackages.Count + result.Closure.CountOf(NodeKind.PackageVersion)} package version(s), {result.Closure.CountOf(NodeKind.Image)} image(s), {result.Closure.CountOf(NodeKind.Deployment)} deployment(s)";
        if (result.Aliases.Count == 0)
        {
            console.MarkupLineInterpolated($"[bold]{result.Query}[/]: {result.Starts.Count} matching node(s); reaches {counts}");
            return;
        }

        var properties = result.VulnerabilityProperties;
        var severity = properties.TryGetValue(SeverityProperties.Score, out var score) ? $" severity {properties.GetValueOrDefault(SeverityProperties.Level) ?? string.Empty} {score}" : string.Empty;
        var aliases = result.Aliases.Count > 1 ? $" ({string.Join(", ", result.Aliases.Skip(1))})" : string.Empty;
        var vex = result.VexIgnored ? "; VEX ignored" : result.Suppressed.Count > 0 ? $"; {result.Suppressed.Count} suppressed by VEX" : string.Empty;
        console.MarkupLineInterpolated($"[bold]{result.Aliases[0]}[/]{aliases}{severity}: affects {counts}{vex}");
        if (properties.GetValueOrDefault("osv:summary") is { } summary)
        {
            console.WriteLine(summary);
        }
    }

    /// <summary>The closure's hits of one kind, nearest first, at most <paramref name="limit"/> of them.</summary>
    private static void WriteHits(IAnsiConsole console, GraphIndex index, BlastRadiusResult result, EdgeProvenance provenance, Legend legend, NodeKind kind, string title, string noun, int limit)
    {
        var closure = result.Closure;
        var total = closure.CountOf(kind);
        if (total == 0)
        {
            return;
        }

        var table = new Table().Title(title).AddColumns("Id", "Name", "Depth", "Path");
        var rows = 0;
        for (var i = 0; i < closure.Count && rows < limit; i++)
        {
            var node = closure.NodeAt(i);
            if (index.KindOf(node) == kind)
            {
                table.AddRow(Esc(index.KeyOf(node)), Esc(index.NameOf(node) ?? string.Empty), closure.DepthAt(i).ToString(CultureInfo.InvariantCulture), Esc(Describe(index, closure.PathOf(i), provenance, legend)));
                rows++;
            }
        }

        console.Write(table);
        RowLimit.WriteMore(console, total, limit, noun);
    }

    private static string Describe(GraphIndex index, IReadOnlyList<PathStep> path, EdgeProvenance provenance, Legend legend)
    {
        var text = new StringBuilder();
        for (var i = 0; i < path.Count; i++)
        {
            var step = path[i];
            if (step.Edge is { } edge)
            {
                var documents = provenance.Of(path, i);
                var refs = documents.Count == 0 ? "(by tag)" : $"[{string.Join(",", documents.Select(legend.Number))}]";
                text.Append(step.Forward ? $" -{edge.ToWireName()}{refs}-> " : $" <-{edge.ToWireName()}{refs}- ");
            }

            text.Append(index.NameOf(step.Node) ?? index.KeyOf(step.Node));
        }

        return text.ToString();
    }

    private static string Esc(string text) => Markup.Escape(text);

    /// <summary>Numbers documents in order of first mention and prints them last.</summary>
    private sealed class Legend
    {
        private readonly Dictionary<long, (int Number, DocumentSummary Document)> _numbers = [];

        public int Number(DocumentSummary document)
        {
            if (!_numbers.TryGetValue(document.Id, out var entry))
            {
                entry = (_numbers.Count + 1, document);
                _numbers[document.Id] = entry;
            }

            return entry.Number;
        }

        public void Write(IAnsiConsole console)
        {
            if (_numbers.Count == 0)
            {
                return;
            }

            console.WriteLine("Documents:");
            foreach (var (number, document) in _numbers.Values.OrderBy(e => e.Number))
            {
                console.WriteLine($"  [{number}] {document.Format} \"{document.Name}\" sha256:{document.Sha256[..12]}… ingested {document.IngestedAt.ToString("u", CultureInfo.InvariantCulture)}");
            }
        }
    }
}
