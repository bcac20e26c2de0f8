using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Tag-value annotations → the comments of the packages they annotate, as the JSON reader reads
/// <c>packages[].annotations[].comment</c> (image labels travel there). An annotation starts at <c>Annotator</c>, or
/// at a field the current one already has, and ends at any other tag. <c>SPDXREF</c> names the annotated element
/// (SPDX 2.3 clause 12; the spec's own examples write it last, after the comment); an annotation without one
/// annotates the element it follows, as older documents write them. Resolved after the whole document is read,
/// since SPDXREF may name a package written further down.
/// </summary>
internal sealed class Spdx2TagValueAnnotations
{
    private readonly List<Annotation> _annotations = [];
    private Annotation? _current;

    public static bool IsAnnotationTag(string tag) =>
        tag is "Annotator" or "AnnotationDate" or "AnnotationType" or "SPDXREF" or "AnnotationComment";

    /// <param name="follows">The element being written when the annotation starts (its target when it has no SPDXREF).</param>
    public void Apply(string tag, string value, string location, object? follows)
    {
        if (_current is null || tag == "Annotator" || !_current.Tags.Add(tag))
        {
            _current = new Annotation(follows);
            _current.Tags.Add(tag);
            _annotations.Add(_current);
        }

        switch (tag)
        {
            case "SPDXREF":
                _current.Target = new Spdx2Reference(value, location);
                break;
            case "AnnotationComment":
                _current.Comment = value;
                break;
        }
    }

    /// <summary>A tag that is not an annotation field ends the current annotation.</summary>
    public void End() => _current = null;

    /// <summary>Adds each annotation's comment to the package it names; other elements' annotations are dropped.</summary>
    public void Resolve(Spdx2Document document, IngestBatchBuilder builder)
    {
        var packages = new Dictionary<string, Spdx2Package>(StringComparer.Ordinal);
        foreach (var package in document.Packages.Where(p => p.SpdxId is not null))
        {
            packages.TryAdd(package.SpdxId!.Trim(), package);
        }

        foreach (var annotation in _annotations.Where(a => a.Comment is not null))
        {
            var package = annotation.Target is { } target ? Named(target, document, packages, builder) : annotation.Follows as Spdx2Package;
            package?.AnnotationComments.Add(annotation.Comment!);
        }
    }

    private static Spdx2Package? Named(Spdx2Reference target, Spdx2Document document, Dictionary<string, Spdx2Package> packages, IngestBatchBuilder builder)
    {
        var id = target.Id.Trim();
        if (packages.TryGetValue(id, out var package))
        {
            return package;
        }

        var known = id == document.SpdxId?.Trim()
            || document.Files.Any(f => f.SpdxId?.Trim() == id)
            || document.Snippets.Any(s => s.Id.Trim() == id);
        if (!known)
        {
            builder.Warn(target.Location, $"annotation names '{id}', which is no element of this document; ignored");
        }

        return null;
    }

    private sealed class Annotation(object? follows)
    {
        public object? Follows { get; } = follows;

        public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

        public Spdx2Reference? Target { get; set; }

        public string? Comment { get; set; }
    }
}
