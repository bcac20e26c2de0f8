using System.Buffers;

namespace ArtifactGraph.Server.Endpoints;

/// <summary>
/// Reads a request body up to a limit: refused early by Content-Length when it says too much, and
/// counted while reading otherwise (chunked uploads). Null means over the limit (answer 413).
/// </summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 81920;

    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit || request.ContentLength > Array.MaxLength)
        {
            return null;
        }

        if (request.ContentLength is { } length)
        {
            return await ReadDeclaredAsync(request.Body, (int)length, cancellationToken).ConfigureAwait(false);
        }

        // No length given: read in pooled chunks (a fresh 80 KB array per request was most of what a
        // GraphQL request allocated, and zeroing it a visible share of its CPU), counting against the limit.
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A body whose length is declared, read straight into an array of that size: the server ends the body
    /// at Content-Length (and fails the read if the client sends less), so nothing past it is read.
    /// </summary>
    private static async Task<byte[]> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(bytes.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return bytes[..filled];
            }

            filled += read;
        }

        return bytes;
    }
}
