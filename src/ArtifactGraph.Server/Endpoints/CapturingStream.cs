namespace ArtifactGraph.Server.Endpoints;

/// <summary>
/// Holds what is written, up to a bound, without sending it: a response that may be cached is complete
/// in memory before any of it goes to this client, so identical requests waiting for it (ResponseFlight)
/// are not held up by a slow reader, and it is sent in one write with its length. Past the bound (the
/// cache would refuse it anyway) what was held is sent, <paramref name="passedBound"/> is called, and the
/// rest streams through, so large answers are not buffered whole.
/// </summary>
internal sealed class CapturingStream(Stream inner, int maxCapturedBytes, Action? passedBound = null) : Stream
{
    private MemoryStream? _copy = new();

    /// <summary>The bytes written and not yet sent, or null when they passed the bound (and were sent).</summary>
    public byte[]? Captured => _copy?.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Hold(buffer) is { } held)
        {
            inner.Write(held.GetBuffer().AsSpan(0, (int)held.Length));
        }

        if (_copy is null)
        {
            inner.Write(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Hold(buffer.Span) is { } held)
        {
            await inner.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken).ConfigureAwait(false);
        }

        if (_copy is null)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
    }

    // While holding, a flush would start the response (headers, chunked) before its length is known.
    public override void Flush()
    {
        if (_copy is null)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _copy is null ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Holds <paramref name="buffer"/> if it fits; else stops holding and returns what was held, to send before it.</summary>
    private MemoryStream? Hold(ReadOnlySpan<byte> buffer)
    {
        if (_copy is null)
        {
            return null;
        }

        if (_copy.Length + buffer.Length > maxCapturedBytes)
        {
            var held = _copy;
            _copy = null;
            passedBound?.Invoke();
            return held;
        }

        _copy.Write(buffer);
        return null;
    }
}
