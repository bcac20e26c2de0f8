using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// A parsed <see cref="CdxBom"/> (the XML reader's model) → an <see cref="IngestBatch"/>, by feeding it to
/// <see cref="CdxBomMapper"/> in the order the streaming JSON reader does.
/// </summary>
internal static class CdxDocumentMapper
{
    public static IngestBatch Map(CdxBom bom, DocumentInput input, string format)
    {
        var mapper = new CdxBomMapper(input, format, bom.Header);
        (IReadOnlyList<CdxComponent>, NodeRef)? subjectChildren = null;
        if (bom.Subject is { } subject)
        {
            var node = mapper.MapSubject(subject);
            if (subject.Children.Count > 0)
            {
                subjectChildren = (subject.Children, node);
            }
        }

        CdxComponentWalker.Walk(bom.Components, subjectChildren, (list, parent) =>
        {
            var nested = new List<(IReadOnlyList<CdxComponent>, NodeRef)>();
            foreach (var component in list)
            {
                var node = mapper.MapComponent(component, parent);
                if (component.Children.Count > 0)
                {
                    nested.Add((component.Children, node));
                }
            }

            return nested;
        });
        foreach (var service in bom.ServiceRefs)
        {
            mapper.ClaimService(service);
        }

        mapper.EndComponents();
        foreach (var dependency in bom.Dependencies)
        {
            mapper.AddDependency(dependency);
        }

        foreach (var vulnerability in bom.Vulnerabilities)
        {
            mapper.AddVulnerability(vulnerability);
        }

        return mapper.Finish();
    }
}
