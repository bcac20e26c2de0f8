using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>A prepared command kept for the writer connection's lifetime; parameters are bound by position.</summary>
internal sealed class Statement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public Statement(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(parameters[i].Name, parameters[i].Type);
        }
    }

    public SqliteTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public Statement Bind(int index, object? value)
    {
        _parameters[index].Value = value ?? DBNull.Value;
        return this;
    }

    public void Prepare() => _command.Prepare();

    public int Execute() => _command.ExecuteNonQuery();

    /// <summary>The first column of the first row, or null when the statement returned no row.</summary>
    public long? ExecuteInt64()
    {
        var value = _command.ExecuteScalar();
        return value is null or DBNull ? null : (long)value;
    }

    public SqliteDataReader ExecuteReader() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
