using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Output;
using ArtifactGraph.Core.Advisories;
using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>versions compare --ecosystem ECO [A B]</c>: prints <c>&lt;</c>, <c>=</c> or <c>&gt;</c> (pairs from stdin when no
/// versions are given); <c>versions contains --ecosystem ECO RANGE VERSION</c>: yes/no and why, for a vers
/// range, an OSV range as JSON or the compact <c>introduced=1.0,fixed=1.2.3</c>. No store is opened.
/// </summary>
internal sealed class VersionsCommand : ICommand
{
    private const string EcosystemOption = "--ecosystem";

    public string Name => "versions";

    public string Usage => "versions compare --ecosystem ECO [A B] | versions contains [--ecosystem ECO] RANGE VERSION [--json]";

    public string[] ValueOptions => [EcosystemOption];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        var sub = args.Positionals.Count > 0 ? args.Positionals[0] : null;
        var rest = args.Positionals.Skip(1).ToList();
        return sub switch
        {
            "compare" => Compare(args, rest, context),
            "contains" => Contains(args, rest, context),
            _ => throw new UsageException("versions takes a subcommand: compare or contains"),
        };
    }

    private static int Compare(CommandArgs args, List<string> versions, CliContext context)
    {
        var scheme = Scheme(args, context, required: true)!;
        if (versions.Count is not (0 or 2))
        {
            throw new UsageException("versions compare takes two versions, or none to read 'A B' pairs from stdin");
        }

        var pairs = versions.Count == 2 ? [(versions[0], versions[1])] : ReadPairs(context.In);
        var results = pairs.Select(p => (p.Item1, p.Item2, Order: Symbol(scheme.Compare(p.Item1, p.Item2)))).ToList();
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json =>
            {
                json.WriteStartObject();
                json.WriteString("scheme", scheme.Name);
                json.WriteBoolean("generic", scheme.IsGeneric);
                json.WriteStartArray("comparisons");
                foreach (var (left, right, order) in results)
                {
                    json.WriteStartObject();
                    json.WriteString("left", left);
                    json.WriteString("right", right);
                    json.WriteString("order", order);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
            return 0;
        }

        foreach (var (_, _, order) in results)
        {
            context.Out.WriteLine(order);
        }

        return 0;
    }

    private static int Contains(CommandArgs args, List<string> positionals, CliContext context)
    {
        if (positionals.Count != 2)
        {
            throw new UsageException("versions contains takes a RANGE (vers:..., OSV JSON, or introduced=...,fixed=...) and a VERSION");
        }

        var (rangeText, version) = (positionals[0], positionals[1]);
        var isVers = rangeText.StartsWith("vers:", StringComparison.OrdinalIgnoreCase);
        var scheme = Scheme(args, context, required: !isVers);
        var claim = isVers
            ? new AffectedClaim { Ecosystem = args.Value(EcosystemOption) ?? "", VersRanges = [rangeText] }
            : new AffectedClaim { Ecosystem = EcosystemName(args.Value(EcosystemOption)!, scheme!), Ranges = [RangeArgument.Parse(rangeText)] };
        var verdict = AffectedMatcher.Evaluate(claim, version);
        if (verdict.Outcome == MatchOutcome.Unusable)
        {
            throw new InvalidOperationException(verdict.Explanation);
        }

        var contained = verdict.Outcome == MatchOutcome.Affected;
        if (args.Has("--json"))
        {
            JsonOut.Write(context.Out, json =>
            {
                json.WriteStartObject();
                json.WriteBoolean("contained", contained);
                json.WriteString("explanation", verdict.Explanation);
                json.WriteEndObject();
            });
            return 0;
        }

        context.Out.WriteLine($"{(contained ? "yes" : "no")}: {verdict.Explanation}");
        return 0;
    }

    /// <summary>The scheme for --ecosystem (an OSV ecosystem, or a vers scheme such as deb); unknown → generic, said on stderr.</summary>
    private static IVersionScheme? Scheme(CommandArgs args, CliContext context, bool required)
    {
        var ecosystem = args.Value(EcosystemOption);
        if (ecosystem is null)
        {
            return required ? throw new UsageException($"{EcosystemOption} is required (npm, PyPI, Maven, Debian, ...)") : null;
        }

        var scheme = VersionSchemes.ForEcosystem(ecosystem);
        if (scheme.IsGeneric)
        {
            scheme = VersionSchemes.ForVersScheme(ecosystem) ?? scheme;
        }

        if (scheme.IsGeneric && !string.Equals(ecosystem, "generic", StringComparison.OrdinalIgnoreCase))
        {
            context.Error.WriteLine($"warning: no version scheme known for ecosystem '{ecosystem}'; using the generic ordering");
        }

        return scheme;
    }

    /// <summary>AffectedMatcher picks the scheme by OSV ecosystem; a vers scheme name given instead is passed as a known ecosystem of that scheme.</summary>
    private static string EcosystemName(string given, IVersionScheme scheme) =>
        VersionSchemes.ForEcosystem(given) == scheme ? given : scheme.Name switch
        {
            "deb" => "Debian",
            "rpm" => "Red Hat",
            "apk" => "Alpine",
            "pep440" => "PyPI",
            "gem" => "RubyGems",
            "composer" => "Packagist",
            "semver" => "npm",
            "maven" => "Maven",
            "nuget" => "NuGet",
            _ => given,
        };

    private static string Symbol(int comparison) => comparison < 0 ? "<" : comparison > 0 ? ">" : "=";

    private static List<(string, string)> ReadPairs(TextReader input)
    {
        var pairs = new List<(string, string)>();
        var number = 0;
        while (input.ReadLine() is { } line)
        {
            number++;
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (words.Length != 2)
            {
                throw new InvalidOperationException($"stdin line {number}: expected two versions 'A B', got '{line}'");
            }

            pairs.Add((words[0], words[1]));
        }

        return pairs;
    }
}
