namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>Lets only <see cref="DocumentRejectedException"/> leave a reader: a reader bug rejects one document, not a batch.</summary>
internal static class Spdx2Guard
{
    public static T Run<T>(string format, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new DocumentRejectedException("/", $"could not read the {format} document ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }
}
