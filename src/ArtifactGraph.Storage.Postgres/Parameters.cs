using Npgsql;
using NpgsqlTypes;

namespace ArtifactGraph.Storage.Postgres;

/// <summary>Typed positional parameters ($1, $2, ...): no boxing, and the wire type is fixed, not inferred.</summary>
internal static class Parameters
{
    public static NpgsqlCommand With<T>(this NpgsqlCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return command;
    }

    /// <summary>A nullable text value (NULL when <paramref name="value"/> is null).</summary>
    public static NpgsqlCommand WithText(this NpgsqlCommand command, string? value)
    {
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value });
        return command;
    }

    public static NpgsqlCommand WithJsonb(this NpgsqlCommand command, string json)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = json });
        return command;
    }

    /// <summary>A jsonb[] array; null elements are SQL NULLs.</summary>
    public static NpgsqlCommand WithJsonbArray(this NpgsqlCommand command, string?[] json)
    {
        command.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, TypedValue = json });
        return command;
    }

    /// <summary>A text[] array; null elements are SQL NULLs.</summary>
    public static NpgsqlCommand WithTextArray(this NpgsqlCommand command, string?[] values)
    {
        command.Parameters.Add(new NpgsqlParameter<string?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values });
        return command;
    }

    /// <summary>A pending chunk's column as an array parameter: every value, or only those at <paramref name="only"/>.</summary>
    public static T[] Pick<T>(this List<T> values, List<int>? only) => only is null ? values.ToArray() : only.Select(i => values[i]).ToArray();

    /// <summary>A nullable timestamptz, always sent as UTC (Npgsql rejects other offsets for timestamptz).</summary>
    public static NpgsqlCommand WithTime(this NpgsqlCommand command, DateTimeOffset? value)
    {
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v.ToUniversalTime() : DBNull.Value });
        return command;
    }
}
