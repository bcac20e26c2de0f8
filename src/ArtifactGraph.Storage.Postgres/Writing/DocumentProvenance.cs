using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// Records which rows a document asserts as one document_rows row (migration 005), written when the document
/// completes: the ids are gathered per chunk (8 bytes a row, so even a 250 MB SBOM's are a few MB), then
/// sorted and made distinct. One row instead of one index entry per (row, document) in two B-trees.
/// </summary>
internal sealed class DocumentProvenance(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId)
{
    private readonly List<long> _nodes = [];
    private readonly List<long> _edges = [];

    public void AddNodes(List<long> ids) => _nodes.AddRange(ids);

    public void AddEdges(List<long> ids) => _edges.AddRange(ids);

    /// <summary>Called once the document's last chunk is written.</summary>
    public void Complete()
    {
        using var command = new NpgsqlCommand(GraphSql.DocumentRows, connection, transaction)
            .With(documentId)
            .With(SortedDistinct(_edges))
            .With(SortedDistinct(_nodes));
        command.ExecuteNonQuery();
    }

    internal static long[] SortedDistinct(List<long> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids);
        span.Sort();
        var count = 1;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] != span[count - 1])
            {
                span[count++] = span[i];
            }
        }

        return span[..count].ToArray();
    }
}
