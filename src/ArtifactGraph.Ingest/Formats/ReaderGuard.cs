using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats;

/// <summary>Turns anything but a deliberate rejection into one, so a reader bug rejects one document, not a batch.</summary>
internal static class ReaderGuard
{
    public static T Run<T>(string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (JsonException ex)
        {
            throw new DocumentRejectedException($"line {(ex.LineNumber ?? 0) + 1}", "malformed JSON: " + ex.Message, ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new DocumentRejectedException("/", $"could not read the {what} ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }
}
