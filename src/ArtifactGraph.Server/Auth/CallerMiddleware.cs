namespace ArtifactGraph.Server.Auth;

/// <summary>Resolves the caller once per request; endpoints read it with <see cref="CallerExtensions.Caller"/>.</summary>
internal sealed class CallerMiddleware(RequestDelegate next, CallerResolver resolver)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Items[typeof(Caller)] = resolver.Resolve(context.Request.Headers.Authorization);
        return next(context);
    }
}

internal static class CallerExtensions
{
    public static Caller Caller(this HttpContext context) => (Caller)context.Items[typeof(Caller)]!;
}
