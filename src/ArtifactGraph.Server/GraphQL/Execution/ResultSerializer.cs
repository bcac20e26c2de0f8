using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer (requests are read with it as before) that writes results
/// synchronously into a buffer: GraphQL.NET's result converter writes a whole result in one call, so
/// <c>SerializeAsync</c> to the response stream buffered it whole anyway, then copied it; here the
/// endpoint gets the bytes, their length (sent as Content-Length) and one copy into the response.
/// The writer options are the ones <c>SerializeAsync</c> derives from the serializer options, so the
/// bytes are the same.
/// </summary>
internal sealed class ResultSerializer() : GraphQLSerializer(new JsonSerializerOptions { Converters = { new ExecutionResultConverter() } })
{
    /// <summary>Buffers over this size are not kept for a later request.</summary>
    private const int MaxKeptBuffer = 1 << 20;

    /// <summary>At most this many buffers are kept: more than are ever written at once on a few cores.</summary>
    private const int MaxKeptBuffers = 64;

    // Shared rather than per thread: a buffer is rented before the endpoint's await and returned after it,
    // usually on another thread, so per-thread slots kept dropping buffers and allocating fresh 64 KB ones.
    private static readonly ConcurrentQueue<ArrayBufferWriter<byte>> Kept = new();
    private static int s_kept;

    /// <summary>The one instance the endpoint and the runner share (its options cache type metadata).</summary>
    public static ResultSerializer Shared { get; } = new();

    /// <summary>A buffer for one result; give it back with <see cref="Return"/>.</summary>
    public static ArrayBufferWriter<byte> Rent()
    {
        if (Kept.TryDequeue(out var buffer))
        {
            Interlocked.Decrement(ref s_kept);
            return buffer;
        }

        return new ArrayBufferWriter<byte>(64 * 1024);
    }

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > MaxKeptBuffer)
        {
            return;
        }

        if (Interlocked.Increment(ref s_kept) > MaxKeptBuffers)
        {
            Interlocked.Decrement(ref s_kept);
            return;
        }

        buffer.ResetWrittenCount();
        Kept.Enqueue(buffer);
    }

    /// <summary>The options results are written with (FastExecutor writes scalars with them as the converter does).</summary>
    public JsonSerializerOptions Options => SerializerOptions;

    public void Write(IBufferWriter<byte> output, ExecutionResult result)
    {
        using var writer = CreateWriter(output);
        JsonSerializer.Serialize(writer, result, SerializerOptions);
    }

    /// <summary>A writer with the options <c>SerializeAsync</c> would derive: the same bytes, whoever writes.</summary>
    public Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, new JsonWriterOptions
    {
        Encoder = SerializerOptions.Encoder,
        Indented = SerializerOptions.WriteIndented,
        MaxDepth = SerializerOptions.MaxDepth == 0 ? 64 : SerializerOptions.MaxDepth,
        SkipValidation = true,
    });
}
