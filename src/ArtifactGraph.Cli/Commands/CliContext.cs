using ArtifactGraph.Cli.CommandLine;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace ArtifactGraph.Cli.Commands;

/// <summary>What a command runs with: its output streams, logging, clock and the store it opens.</summary>
internal sealed class CliContext
{
    public required TextWriter Out { get; init; }

    /// <summary>Warnings that must not mix with the answer on stdout.</summary>
    public TextWriter Error { get; init; } = System.Console.Error;

    /// <summary>Input for commands that read stdin (versions compare without arguments).</summary>
    public TextReader In { get; init; } = System.Console.In;

    public required IAnsiConsole Console { get; init; }

    public required ILoggerFactory Logging { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Whether a person is watching (progress bars only then).</summary>
    public bool Interactive { get; init; }

    public IGraphStore OpenStore(CommandArgs args, bool bulk = false) => StoreFactory.Open(args, Time, Logging, bulk);

    /// <summary>Opens the store and loads the snapshot the query will read: now, or as of --as-of.</summary>
    public GraphIndex LoadIndex(CommandArgs args)
    {
        using var store = OpenStore(args);
        return LoadIndex(store, args);
    }

    // One command answers one question: ordering the nodes for many walks would cost more than it saves.
    public static GraphIndex LoadIndex(IGraphStore store, CommandArgs args) => GraphIndexHolder.Build(store, AsOf.Parse(args), orderForWalks: false);
}
