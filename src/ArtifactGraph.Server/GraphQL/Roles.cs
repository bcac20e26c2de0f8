using ArtifactGraph.Core.Storage;
using GraphQL;
using GraphQL.Builders;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// Role checks on fields: every root field declares the role it needs, checked by a field middleware
/// before the resolver runs, so nothing below a refused field is resolved.
/// </summary>
internal static class Roles
{
    public static FieldBuilder<TSource, TReturn> RequireRole<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, ApiKeyRole role) =>
        field.ApplyMiddleware(next => context =>
        {
            var caller = context.Request().Caller;
            if (!caller.Can(role))
            {
                var name = role.ToString().ToLowerInvariant();
                throw new ExecutionError($"'{context.FieldDefinition.Name}' needs an API key with the {name} role or above; this request has {(caller.Role?.ToString().ToLowerInvariant() ?? "no role")}")
                {
                    Code = "FORBIDDEN",
                };
            }

            return next(context);
        });
}
