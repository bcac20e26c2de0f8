# ArtifactGraph server image: the `artifactgraph` command, run as `artifactgraph serve`.
# Built by docker-compose.yml (which also starts PostgreSQL); usable alone with --db or --postgres.

# Build: restore and publish the CLI (it hosts `serve`) with the SDK pinned by global.json's major version,
# precompiled (ReadyToRun) for the image's architecture, so commands run in the container (ingest jobs,
# one-off queries) skip most of their start-up JIT.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY graph-schema/ graph-schema/
COPY src/ src/
RUN dotnet publish src/ArtifactGraph.Cli/ArtifactGraph.Cli.csproj -c Release -a "$TARGETARCH" --self-contained false -p:PublishReadyToRun=true -o /app/publish

# Run: the ASP.NET Core runtime only (no SDK), as the image's unprivileged user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
# The demo supply chain and ingestion configuration (jobs.json, samples/, inbox/).
COPY ingest/ ./ingest/
ENV ARTIFACTGRAPH_DB=/data/artifactgraph.db
# The CLI turns tiered PGO off for its short commands; the server this image runs lives long enough to gain
# from it, so it is switched back on here (the variable overrides the runtimeconfig).
ENV DOTNET_TieredPGO=1
# Likewise background GC: off in the CLI's runtimeconfig for bulk ingest (a larger gen0 budget), back on for the server.
ENV DOTNET_gcConcurrent=1
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
EXPOSE 5480
ENTRYPOINT ["dotnet", "/app/artifactgraph.dll"]
# The server binds loopback by default; inside a container it must listen on all interfaces to be published.
CMD ["serve", "--urls", "http://0.0.0.0:5480"]
