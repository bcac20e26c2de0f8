using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Execution;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's ExecutionResultJsonConverter, writing the common scalars (strings, ints, booleans) with
/// the writer's own calls instead of a <see cref="JsonSerializer"/> call per value (a type-info lookup
/// and a polymorphic dispatch each; a 50-hit blast-radius page has ~600 of them). Same bytes: those
/// calls are what System.Text.Json's converters for these types make. Everything else (errors,
/// extensions, other scalars) goes through the serializer as before.
/// </summary>
internal sealed class ExecutionResultConverter : JsonConverter<ExecutionResult>
{
    public override void Write(Utf8JsonWriter writer, ExecutionResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors");
            JsonSerializer.Serialize(writer, errors, options);
        }

        if (value.Executed)
        {
            writer.WritePropertyName("data");
            if (value.Data is ExecutionNode node)
            {
                WriteNode(writer, node, options);
            }
            else
            {
                JsonSerializer.Serialize(writer, value.Data, options);
            }
        }

        if (value.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            JsonSerializer.Serialize(writer, extensions, options);
        }

        writer.WriteEndObject();
    }

    public override ExecutionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("execution results are only written");

    public override bool CanConvert(Type typeToConvert) => typeof(ExecutionResult).IsAssignableFrom(typeToConvert);

    private static void WriteNode(Utf8JsonWriter writer, ExecutionNode node, JsonSerializerOptions options)
    {
        switch (node)
        {
            case ValueExecutionNode leaf:
                WriteScalar(writer, leaf.ToValue(), options);
                break;
            case ObjectExecutionNode { SubFields: { } fields }:
                writer.WriteStartObject();
                foreach (var field in fields)
                {
                    writer.WritePropertyName(field.Name!);
                    WriteNode(writer, field, options);
                }

                writer.WriteEndObject();
                break;
            case ObjectExecutionNode:
            case NullExecutionNode:
                writer.WriteNullValue();
                break;
            case ArrayExecutionNode { Items: { } items }:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteNode(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            case ArrayExecutionNode list:
                JsonSerializer.Serialize(writer, list.SerializedResult, options);
                break;
            default:
                JsonSerializer.Serialize(writer, node.ToValue(), options);
                break;
        }
    }

    /// <summary>A serialised scalar, as this converter writes one (FastExecutor writes them through here too).</summary>
    internal static void WriteScalar(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                JsonSerializer.Serialize(writer, value, options);
                break;
        }
    }
}
