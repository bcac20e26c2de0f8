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

    /// <summary>A buffer for one result; give it back with <see cref="Return"/> on the same thread (no await between).</summary>
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

    public void Write(IBufferWriter<byte> output, ExecutionResult result)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Encoder = SerializerOptions.Encoder,
            Indented = SerializerOptions.WriteIndented,
            MaxDepth = SerializerOptions.MaxDepth == 0 ? 64 : SerializerOptions.MaxDepth,
            SkipValidation = true,
        });
        JsonSerializer.Serialize(writer, result, SerializerOptions);
    }
}
