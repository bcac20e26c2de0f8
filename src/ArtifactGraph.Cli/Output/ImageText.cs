using System.Globalization;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Queries.Images;
using Spectre.Console;

namespace ArtifactGraph.Cli.Output;

/// <summary>The image report for people: headline, base chain, deployments, vulnerabilities, provenance, contents.</summary>
internal static class ImageText
{
    public static void Write(IAnsiConsole console, GraphIndex index, ImageReport report, IReadOnlyDictionary<NodeRef, IReadOnlyDictionary<string, string>> properties)
    {
        var direct = Enumerable.Range(0, report.Contents.Count).Count(i => report.Contents.DepthAt(i) == 1);
        console.MarkupLineInterpolated($"[bold]{index.NameOf(report.Image) ?? index.KeyOf(report.Image)}[/] {index.KeyOf(report.Image)}: {report.Contents.Count} contents ({direct} direct)");
        if (report.BaseChain.Count > 0)
        {
            console.WriteLine("Based on: " + string.Join(" -> ", report.BaseChain.Select(b => index.NameOf(b) ?? index.KeyOf(b))));
        }

        var deployments = new Table().Title("Runs in").AddColumns("Environment", "Cluster", "Workload", "Replicas", "Exposure");
        for (var i = 0; i < report.RunsIn.Count; i++)
        {
            var node = report.RunsIn.NodeAt(i);
            if (index.KindOf(node) == NodeKind.Deployment)
            {
                var props = properties.GetValueOrDefault(index.RefOf(node)) ?? new Dictionary<string, string>();
                deployments.AddRow(Esc(DeploymentProperties.EnvironmentOf(props)), Esc(DeploymentProperties.ClusterOf(props)), Esc(index.NameOf(node) ?? index.KeyOf(node)), Esc(props.GetValueOrDefault(DeploymentProperties.Replicas) ?? "?"), Esc(props.GetValueOrDefault(DeploymentProperties.Exposure) ?? "?"));
            }
        }

        if (deployments.Rows.Count > 0)
        {
            console.Write(deployments);
        }
        else
        {
            console.WriteLine("Runs in: no known deployment");
        }

        if (report.Vulnerabilities.Count > 0)
        {
            var table = new Table().Title("Vulnerabilities").AddColumns("Vulnerability", "Severity", "Package", "Why", "Fix", "VEX");
            foreach (var v in report.Vulnerabilities.OrderBy(v => v.SuppressedBy is null ? 0 : 1).ThenByDescending(v => ImageJson.Severity(v.Aliases, properties).Score ?? 0))
            {
                var (level, score) = ImageJson.Severity(v.Aliases, properties);
                var vex = v.SuppressedBy is { } d ? $"{d.Statement.Claim.Status.ToWireName()} ({d.Statement.Claim.Justification ?? "no justification"}) by {d.Statement.Claim.Issuer}" : "-";
                table.AddRow(Esc(string.Join(" / ", v.Aliases)), Esc($"{level} {score?.ToString(CultureInfo.InvariantCulture)}".Trim()), Esc(index.KeyOf(v.Package)), Esc(v.Match.Explanation), Esc(v.Match.FixedVersion ?? "none named"), Esc(vex));
            }

            console.Write(table);
        }
        else
        {
            console.WriteLine("Vulnerabilities: none known");
        }

        foreach (var edge in report.Provenance)
        {
            console.WriteLine($"{edge.Kind.ToWireName()} {index.NameOf(edge.To) ?? index.KeyOf(edge.To)}");
        }

        var contents = new Table().Title("Contents").AddColumns("Kind", "Id", "Name", "Depth");
        for (var i = 0; i < report.Contents.Count; i++)
        {
            var node = report.Contents.NodeAt(i);
            contents.AddRow(Esc(index.KindOf(node).ToString()), Esc(index.KeyOf(node)), Esc(index.NameOf(node) ?? string.Empty), report.Contents.DepthAt(i).ToString(CultureInfo.InvariantCulture));
        }

        console.Write(contents);
    }

    private static string Esc(string text) => Markup.Escape(text);
}
