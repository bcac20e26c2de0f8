using ArtifactGraph.Cli;

var interactive = !Console.IsOutputRedirected;
return CliApp.Run(args, Console.Out, Console.Error, interactive, TimeProvider.System);
