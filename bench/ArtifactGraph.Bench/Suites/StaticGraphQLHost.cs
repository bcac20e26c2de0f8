using System.Text;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace ArtifactGraph.Bench.Suites;

/// <summary>
/// Serves <see cref="StaticBlastRadiusSchema"/> at POST /graphql with the real server's pipeline settings
/// (ServerHost): Kestrel on loopback, Serilog to the console with one request-log event per request,
/// the body read whole, GraphQL.NET's System.Text.Json serializer and <see cref="DocumentExecuter"/>.
/// It leaves out what is ours: auth, limits, the execution slots and the index snapshot.
/// </summary>
internal static class StaticGraphQLHost
{
    private const string ResponseType = "application/graphql-response+json; charset=utf-8";

    /// <param name="raw">Served as is at POST /raw after the request body is read: the HTTP floor (Kestrel,
    /// request log, the load generator) with no GraphQL at all.</param>
    public static async Task<RunningServer> StartAsync(StaticBlastRadiusSchema schema, byte[] raw)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        builder.Host.UseSerilog(
            (_, _, logger) => logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            preserveStaticLogger: true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetService(typeof(Serilog.ILogger)) as Serilog.ILogger);

        schema.Initialize();
        var executer = new DocumentExecuter();
        var serializer = new GraphQLSerializer();
        app.MapPost("/graphql", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            var request = serializer.Deserialize<GraphQLRequest>(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = schema,
                Query = request?.Query,
                Variables = request?.Variables,
                OperationName = request?.OperationName,
                RequestServices = context.RequestServices,
                CancellationToken = context.RequestAborted,
            }).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = ResponseType;
            await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapPost("/raw", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = ResponseType;
            await context.Response.Body.WriteAsync(raw, context.RequestAborted).ConfigureAwait(false);
        });
        return await RunningServer.StartAsync(app).ConfigureAwait(false);
    }
}
