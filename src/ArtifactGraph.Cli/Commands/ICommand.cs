using ArtifactGraph.Cli.CommandLine;

namespace ArtifactGraph.Cli.Commands;

/// <summary>One CLI verb. Returns the process exit code (0 ok, 1 some input rejected, 2 usage).</summary>
internal interface ICommand
{
    string Name { get; }

    /// <summary>One line: the verb's arguments, as printed in usage.</summary>
    string Usage { get; }

    string[] ValueOptions { get; }

    string[] FlagOptions { get; }

    int Run(CommandArgs args, CliContext context);
}
