using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Cli.Commands;
using ArtifactGraph.Core.Queries;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Spectre.Console;

namespace ArtifactGraph.Cli;

/// <summary>
/// The <c>artifactgraph</c> command: dispatches the verb, maps errors to exit codes
/// (0 ok, 1 some input rejected or the command failed, 2 usage error) and never shows a stack trace
/// unless --verbose asks for one. Runs in-process for tests.
/// </summary>
internal static class CliApp
{
    private static readonly ICommand[] Commands =
    [
        new IngestCommand(),
        new ClosureCommand("dependents", Direction.Dependents),
        new ClosureCommand("deps", Direction.Dependencies),
        new WhyCommand(),
        new BlastRadiusCommand(),
        new ImageCommand(),
        new StatsCommand(),
        new ProvenanceCommand(),
        new RiskCommand(),
        new VersionsCommand(),
        new ServeCommand(),
        new KeysCommand(),
    ];

    public static int Run(IReadOnlyList<string> argv, TextWriter stdout, TextWriter stderr, bool interactive, TimeProvider time, TextReader? stdin = null)
    {
        if (argv.Count == 0 || argv[0] is "-h" or "--help" or "help")
        {
            WriteUsage(argv.Count == 0 ? stderr : stdout);
            return argv.Count == 0 ? 2 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == argv[0]);
        if (command is null)
        {
            stderr.WriteLine($"error: unknown command '{argv[0]}'");
            WriteUsage(stderr);
            return 2;
        }

        var verbose = argv.Contains("--verbose");
        using var serilog = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Warning)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        using var logging = new SerilogLoggerFactory(serilog);
        try
        {
            var args = CommandArgs.Parse(
                argv.Skip(1).ToList(),
                command.ValueOptions.Concat(GlobalOptions.Values).ToHashSet(),
                command.FlagOptions.Concat(GlobalOptions.Flags).ToHashSet());
            var context = new CliContext
            {
                Out = stdout,
                Error = stderr,
                In = stdin ?? Console.In,
                Console = CreateConsole(stdout, interactive),
                Logging = logging,
                Time = time,
                Interactive = interactive,
            };
            return command.Run(args, context);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            stderr.WriteLine($"usage: artifactgraph {command.Usage} [--db FILE | --postgres CONNSTRING]");
            return 2;
        }
        catch (Exception ex) when (!verbose)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static IAnsiConsole CreateConsole(TextWriter stdout, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });

        // Redirected output has no terminal width; wide ids (purls, digests) should not wrap at 80.
        if (!interactive)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("artifactgraph — supply-chain metadata graph");
        writer.WriteLine();
        writer.WriteLine("usage:");
        foreach (var command in Commands)
        {
            writer.WriteLine($"  artifactgraph {command.Usage}");
        }

        writer.WriteLine();
        writer.WriteLine("common options: --db FILE (default ./artifactgraph.db, env ARTIFACTGRAPH_DB) | --postgres CONNSTRING (env ARTIFACTGRAPH_POSTGRES), --json, --verbose");
        writer.WriteLine("exit codes: 0 ok; 1 some input rejected (the rest was ingested) or the command failed; 2 usage error");
    }
}
