using ArtifactGraph.Core.Graph;
using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;
using Npgsql;

namespace ArtifactGraph.Storage.Postgres.Writing;

/// <summary>
/// One document's open transaction on its own connection, holding the write advisory lock. The document row
/// is written first (its facts are filled in by <see cref="Complete"/>); each chunk sends only the rows the
/// store's cache cannot vouch for, an INSERT per kind and rarely a merge (<see cref="GraphSql"/>), and gathers
/// the ids the document asserts, written as its one provenance row at completion.
/// </summary>
internal sealed class PostgresDocumentWriter : IDocumentWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly DateTimeOffset _ingestedAt;
    private readonly Action _release;
    private readonly ChunkWriter _chunks;
    private readonly long _documentId;
    private readonly long _existingSequence;
    private readonly WriterCache _cache;
    private int _nodesAdded;
    private int _edgesAdded;
    private bool _done;

    private PostgresDocumentWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset ingestedAt, Action release, long documentId, long? existingSequence, WriterCache cache)
    {
        _cache = cache;
        cache.StartDocument();
        _connection = connection;
        _transaction = transaction;
        _ingestedAt = ingestedAt;
        _release = release;
        _documentId = documentId;
        AlreadyPresent = existingSequence is not null;
        _existingSequence = existingSequence ?? 0;
        _chunks = new ChunkWriter(connection, transaction, documentId, cache);
    }

    public bool AlreadyPresent { get; }

    /// <summary>
    /// Opens the transaction on <paramref name="connection"/> (which the writer then owns), takes the write
    /// lock and either finds the document or inserts its row. <paramref name="release"/> runs on dispose.
    /// </summary>
    public static PostgresDocumentWriter Begin(NpgsqlConnection connection, string sha256, RawDocument raw, DateTimeOffset ingestedAt, Action release, WriterCache cache)
    {
        // The raw bytes were compressed before the write lock was taken: it is the slowest per-byte step.
        var transaction = connection.BeginTransaction();
        try
        {
            using (var lockCommand = new NpgsqlCommand(AdvisoryLocks.Write, connection, transaction))
            {
                lockCommand.ExecuteNonQuery();
            }

            using (var find = new NpgsqlCommand(DocumentSql.Find, connection, transaction).WithText(sha256))
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    return new PostgresDocumentWriter(connection, transaction, ingestedAt, release, reader.GetInt64(0), reader.GetInt64(1), cache);
                }
            }

            using var insert = new NpgsqlCommand(DocumentSql.Insert, connection, transaction)
                .WithText(sha256)
                .WithTime(ingestedAt)
                .With((long)raw.Bytes.Length)
                .With(raw.Encoded)
                .WithText(raw.Encoding);
            var id = (long)insert.ExecuteScalar()!;
            return new PostgresDocumentWriter(connection, transaction, ingestedAt, release, id, null, cache);
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    public void Write(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges)
    {
        if (AlreadyPresent || _done)
        {
            throw new InvalidOperationException("The document is already stored or finished; nothing may be written.");
        }

        _nodesAdded += _chunks.WriteNodes(nodes);
        _edgesAdded += _chunks.WriteEdges(edges);
    }

    public CommitResult Complete(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (AlreadyPresent)
        {
            return new CommitResult(true, _existingSequence, _documentId, 0, 0);
        }

        Write(batch.Nodes, batch.Edges);
        _chunks.WriteClaims(batch.Claims);
        _chunks.Provenance.Complete();
        var document = batch.Document;
        long sequence;
        using (var describe = new NpgsqlCommand(DocumentSql.Describe, _connection, _transaction)
            .With(_documentId)
            .WithText(document.Format)
            .WithText(document.SpecVersion)
            .WithText(document.Name)
            .With(document.Subject is { } s ? (int?)s.Kind : null)
            .WithText(document.Subject?.Key)
            .WithTime(document.CreatedAt)
            .WithJsonb(_chunks.Json.Write(document.Properties))
            .WithTime(_ingestedAt))
        {
            sequence = (long)describe.ExecuteScalar()!;
        }

        var supersession = document.Subject is { } subject && DecideCurrent(subject);
        _transaction.Commit();
        _done = true;
        return new CommitResult(false, sequence, _documentId, _nodesAdded, _edgesAdded, supersession);
    }

    public void Dispose()
    {
        try
        {
            // Disposing an uncommitted NpgsqlTransaction rolls it back (and releases the advisory lock); the ids
            // the cache took from it may then name rows that never existed.
            if (!_done && !AlreadyPresent)
            {
                _cache.Clear();
            }

            _transaction.Dispose();
            _chunks.Dispose();
            _connection.Dispose();
        }
        finally
        {
            _release();
        }
    }

    /// <summary>Marks the latest document about <paramref name="subject"/> current and the others superseded.</summary>
    private bool DecideCurrent(NodeRef subject)
    {
        using var command = new NpgsqlCommand(DocumentSql.Supersede, _connection, _transaction).With((int)subject.Kind).WithText(subject.Key);
        return (int)command.ExecuteScalar()! > 1;
    }
}
