using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using GraphQL;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// The variables of a request as one canonical text for the response cache's key, written from the
/// parsed <see cref="Inputs"/> (not the raw text): GET and POST carry the variables differently, and
/// clients differ in key order and whitespace, so the raw text would split one question into many
/// entries. Object keys are sorted (ordinal); numbers carry the CLR type the JSON reader gave them
/// (<c>i1</c> int, <c>l…</c> long, <c>d…</c> double, <c>m…</c> decimal, <c>g…</c> BigInteger), so two
/// requests share a text only when GraphQL.NET sees identical inputs and coerces them identically.
/// The text is a key, never parsed: it is JSON except for those tagged numbers.
/// </summary>
internal static class CanonicalVariables
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    /// <summary>The canonical text; "" for no variables; null when a value is of a type this does not know (not cached).</summary>
    public static string? Write(Inputs? variables)
    {
        if (variables is null || variables.Count == 0)
        {
            return string.Empty;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            if (!TryWrite(writer, variables))
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool TryWrite(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return true;
            case string text:
                writer.WriteStringValue(text);
                return true;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return true;
            case int number:
                writer.WriteRawValue("i" + number.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                return true;
            case long number:
                writer.WriteRawValue("l" + number.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                return true;
            case double number:
                writer.WriteRawValue("d" + number.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
                return true;
            case decimal number:
                writer.WriteRawValue("m" + number.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                return true;
            case BigInteger number:
                writer.WriteRawValue("g" + number.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                return true;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (name, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    if (!TryWrite(writer, item))
                    {
                        return false;
                    }
                }

                writer.WriteEndObject();
                return true;
            case IEnumerable<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    if (!TryWrite(writer, item))
                    {
                        return false;
                    }
                }

                writer.WriteEndArray();
                return true;
            default:
                return false;
        }
    }
}
