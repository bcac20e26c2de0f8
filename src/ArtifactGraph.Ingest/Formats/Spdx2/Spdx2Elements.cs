namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// Element-level checks before mapping: every package and file has an SPDXID and a name, no SPDXID is declared
/// twice, and <c>documentDescribes</c> / <c>hasFiles</c> name elements of this document.
/// </summary>
internal static class Spdx2Elements
{
    public static void Register(Spdx2Context context)
    {
        var document = context.Document;
        context.KnownIds.Add(Spdx2Header.DocumentId);
        foreach (var package in document.Packages)
        {
            Declare(context, package.SpdxId, package.IdLocation, package.Location, "package");
            if (package.Name is not null && package.Name.Trim().Length == 0)
            {
                // ko writes a placeholder package "SPDXRef-Package--" with name "": keep it under its SPDXID.
                context.Builder.Warn(package.Location, $"package '{package.SpdxId}' has an empty name; named by its SPDXID");
                package.Name = package.SpdxId;
            }

            if (string.IsNullOrWhiteSpace(package.Name))
            {
                throw new DocumentRejectedException(package.Location.StartsWith('/') ? package.Location + "/name" : package.Location, "package has no 'name'");
            }
        }

        foreach (var file in document.Files)
        {
            Declare(context, file.SpdxId, file.IdLocation, file.Location, "file");
            if (string.IsNullOrWhiteSpace(file.FileName))
            {
                throw new DocumentRejectedException(file.Location.StartsWith('/') ? file.Location + "/fileName" : file.Location, "file has no 'fileName'");
            }
        }

        foreach (var snippet in document.Snippets)
        {
            Declare(context, snippet.Id, snippet.Location, snippet.Location, "snippet");
        }

        // Like dangling relationships, a describes or hasFiles entry naming nothing is reported, not fatal;
        // the mapper ignores ids it does not know.
        foreach (var reference in document.Describes.Concat(document.Packages.SelectMany(p => p.HasFiles)))
        {
            if (!context.KnownIds.Contains(reference.Id.Trim()))
            {
                context.Builder.Warn(reference.Location, $"'{reference.Id}' names no element of this document; ignored");
            }
        }
    }

    /// <param name="idLocation">Where the SPDXID is written, when the parser recorded it (tag-value: its line).</param>
    /// <param name="location">The element's location; for a JSON pointer, the SPDXID is its <c>/SPDXID</c> member
    /// (made only when reported: a file-heavy document has thousands of elements).</param>
    private static void Declare(Spdx2Context context, string? id, string? idLocation, string location, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DocumentRejectedException(IdAt(idLocation, location), $"{what} has no SPDXID");
        }

        if (!context.KnownIds.Add(id.Trim()))
        {
            throw new DocumentRejectedException(IdAt(idLocation, location), $"duplicate SPDXID '{id.Trim()}'");
        }
    }

    private static string IdAt(string? idLocation, string location) =>
        idLocation ?? (location.StartsWith('/') ? location + "/SPDXID" : location);
}
