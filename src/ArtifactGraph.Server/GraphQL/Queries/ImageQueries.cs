using ArtifactGraph.Core.Queries;
using ArtifactGraph.Core.Queries.Images;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.GraphQL.Models;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Queries;

/// <summary>
/// <c>image(ref)</c>: the CLI's <c>image --json</c> for one image (the same resolver and query over the same
/// snapshot). Null when nothing matches. A tag that names several digests (the tag moved) is an
/// AMBIGUOUS_REF error naming each candidate, to be asked again by digest; the CLI shows them all, but a
/// field answering one image cannot.
/// </summary>
internal static class ImageQueries
{
    public static void Add(ObjectGraphType query) =>
        query.Field<ImageReportType>("image")
            .Description("What one image is: tags, contents, base images, where it runs, its vulnerabilities after VEX and how it was built: `artifactgraph image`. Null when no image matches.")
            .Argument<NonNullGraphType<StringGraphType>>("ref", "A digest (sha256:...) or a reference: registry/repository:tag or repository@sha256:...")
            .Argument<BooleanGraphType>("ignoreVex", "List every finding as a vulnerability (each still naming the VEX statement that would take it out); nothing suppressed.")
            .RequireRole(ApiKeyRole.Reader)
            .Resolve(Run);

    private static ImageReportModel? Run(IResolveFieldContext context)
    {
        var request = context.Request();
        var index = request.Index;
        var text = context.GetArgument<string>("ref");
        var matches = ImageResolver.Resolve(index, text);
        if (matches.Count > 1)
        {
            var candidates = matches.Select(m => index.KeyOf(m)).ToList();
            var error = new ExecutionError($"'{text.Trim()}' names {matches.Count} images (the tag moved): {string.Join(", ", candidates)}; ask for one by digest") { Code = "AMBIGUOUS_REF" };
            throw error.AddExtension("candidates", candidates);
        }

        return matches.Count == 0
            ? null
            : new ImageReportModel(ImageQuery.Run(index, Catalogs.For(request), matches[0]), context.GetArgument<bool?>("ignoreVex") ?? false, request);
    }

    /// <summary>What provenance(subject) answers for the image's digest; a tag-only image is its own subject.</summary>
    public static ProvenanceModel Build(ImageReportModel model)
    {
        var (index, image) = (model.Request.Index, model.Report.Image);
        var target = TargetResolver.Resolve(index, index.KeyOf(image));
        if (target.Error is not null || !target.Nodes.Contains(image))
        {
            target = new ResolvedTarget(index.KeyOf(image), [image], null);
        }

        return new ProvenanceModel(ProvenanceQuery.Run(index, model.Request.Store, target), target.Nodes);
    }
}
