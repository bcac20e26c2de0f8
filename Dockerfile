# ArtifactGraph server image: the `artifactgraph` command, run as `artifactgraph serve`.
# Built by docker-compose.yml (which also starts PostgreSQL); usable alone with --db or --postgres.

# Build: restore and publish the CLI (it hosts `serve`) with the SDK pinned by global.json's major version.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY graph-schema/ graph-schema/
COPY src/ src/
RUN dotnet publish src/ArtifactGraph.Cli/ArtifactGraph.Cli.csproj -c Release -o /app/publish

# Run: the ASP.NET Core runtime only (no SDK), as the image's unprivileged user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
# The demo supply chain and ingestion configuration (jobs.json, samples/, inbox/).
COPY ingest/ ./ingest/
ENV ARTIFACTGRAPH_DB=/data/artifactgraph.db
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
EXPOSE 5480
ENTRYPOINT ["dotnet", "/app/artifactgraph.dll"]
# The server binds loopback by default; inside a container it must listen on all interfaces to be published.
CMD ["serve", "--urls", "http://0.0.0.0:5480"]
