using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// Resolvers that read only the parent value (<c>c.Source</c>): GraphQL.NET gets an ordinary resolver, and
/// the field also carries the read itself, so the server's own executor (FastExecutor) can call it without a
/// resolve context, its adapter and a ValueTask per field (~20% of an executed answer's CPU was that
/// plumbing). The read is only offered while the field's resolver is still the one registered here: any field
/// middleware (the role check, or one added to the whole schema) replaces the resolver when the schema is
/// initialized, and such a field goes through its resolver as before.
/// </summary>
internal static class SourceResolvers
{
    private const string MetadataKey = "artifactgraph:source-read";

    public static FieldBuilder<TSource, TReturn> ResolveSource<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Func<TSource, TReturn?> read)
    {
        field.Resolve(c => read(c.Source));
        field.FieldType.Metadata[MetadataKey] = new SourceRead(field.FieldType.Resolver!, source => read((TSource)source!));
        return field;
    }

    /// <summary>The field's read of its parent value, or null when it must be resolved through its resolver.</summary>
    public static Func<object?, object?>? ReadOf(FieldType field) =>
        field.Middleware is null && field.GetMetadata<SourceRead?>(MetadataKey) is { } read && ReferenceEquals(read.Resolver, field.Resolver)
            ? read.Read
            : null;

    private sealed record SourceRead(IFieldResolver Resolver, Func<object?, object?> Read);
}
