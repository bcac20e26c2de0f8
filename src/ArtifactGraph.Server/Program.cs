using ArtifactGraph.Server;

// `dotnet run --project src/ArtifactGraph.Server` starts the server alone; `artifactgraph serve` starts
// the same host. WebApplicationFactory<ServerEntryPoint> intercepts the Build below in tests.
var app = ServerHost.Build(ServerHost.CreateBuilder(args));
await app.RunAsync();
