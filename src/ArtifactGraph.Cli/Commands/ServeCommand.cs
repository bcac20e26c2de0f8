using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Server;

namespace ArtifactGraph.Cli.Commands;

/// <summary>
/// <c>serve [--urls URLS]</c>: the GraphQL API, document upload and explorer on the same --db store as
/// the other commands; runs until Ctrl+C, then finishes ingests in flight before exiting.
/// </summary>
internal sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Usage => $"serve [--urls {ServerOptions.DefaultUrls}]";

    public string[] ValueOptions => ["--urls"];

    public string[] FlagOptions => [];

    public int Run(CommandArgs args, CliContext context)
    {
        if (args.Positionals.Count != 0)
        {
            throw new UsageException("serve takes no arguments; use --urls to choose where it listens");
        }

        var startup = new ServerStartup { DatabasePath = GlobalOptions.DatabasePath(args), Urls = args.Value("--urls") };
        using var app = ServerHost.Build(ServerHost.CreateBuilder([], startup));
        app.Run();
        return 0;
    }
}
