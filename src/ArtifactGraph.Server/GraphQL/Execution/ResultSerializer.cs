using System.Buffers;
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
    /// <summary>Buffers over this size are not kept for the next request on the thread.</summary>
    private const int MaxKeptBuffer = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>The one instance the endpoint and the runner share (its options cache type metadata).</summary>
    public static ResultSerializer Shared { get; } = new();

    /// <summary>
    /// A buffer for one result; give it back with <see cref="Return"/>. The slot is per thread: a buffer
    /// returned on another thread (after an await) just moves there.
    /// </summary>
    public static ArrayBufferWriter<byte> Rent()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(64 * 1024);
        t_buffer = null;
        return buffer;
    }

    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxKeptBuffer)
        {
            buffer.ResetWrittenCount();
            t_buffer = buffer;
        }
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
