using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>Records which rows a document asserts: one provenance row per (row, document), written per chunk.</summary>
internal sealed class DocumentProvenance(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId)
{
    public void AddNodes(List<long> ids) => Insert(GraphSql.NodeProvenance, ids);

    public void AddEdges(List<long> ids) => Insert(GraphSql.EdgeProvenance, ids);

    /// <summary>Called once the document's last chunk is written.</summary>
    public void Complete() => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(documentId);

    private void Insert(string sql, List<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        using var command = new NpgsqlCommand(sql, connection, transaction).With(documentId).With(ids.ToArray());
        command.ExecuteNonQuery();
    }
}
