using ArtifactGraph.Core.Ingestion;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Ingest.Pipeline;

public sealed partial class Ingestor
{
    /// <summary>
    /// Documents smaller than this are read, then committed, on the calling thread: their read is too short for a
    /// hand-over to another thread to pay. Tests set it to 0.
    /// </summary>
    internal long OverlapMinimumBytes { get; init; } = 32 << 10;

    /// <summary>Tests: the caller always waits for the reader thread to read, so the overlapped path is the one exercised.</summary>
    internal bool OverlapWaitsForThread { get; init; }

    /// <summary>
    /// A document under the large-document threshold, one by one, with <see cref="IngestOptions.OverlapReadAndCommit"/>:
    /// read on the overlap thread (<see cref="OverlapThread"/>) while this thread encodes its raw bytes (the writer needs them to begin: the document
    /// row is its first write), then opens its transaction and writes the chunks as they are read. One document then
    /// costs about max(read, encode + commit) instead of their sum. When that thread has not started the read by the time
    /// the raw bytes are encoded and <see cref="IngestOptions.OverlapStartGrace"/> more, this thread reads it itself, as
    /// <see cref="ReadInline"/> does, rather than wait longer for a core. A rejection anywhere in the document disposes the writer, rolling back every chunk; a writer failure
    /// stops the reader before it surfaces.
    /// </summary>
    private IngestReport ReadWhileCommitting(string source, ReadOnlyMemory<byte> expanded, string sha256, IReadOnlyDictionary<string, string> hints, IDocumentReader reader)
    {
        var threshold = _options.OverlapChunkRecords;
        using var read = OverlappedRead.Start(sink => reader.Read(ReadInput(source, expanded, sha256, hints, sink, threshold)));
        var raw = new RawDocument(expanded);
        if (!read.Started(_options.OverlapStartGrace, OverlapWaitsForThread))
        {
            return ReadInline(source, expanded, sha256, hints, reader, () => raw);
        }

        CommitResult result;
        IngestBatch batch;
        using (var writer = _store.BeginDocument(sha256, raw))
        {
            if (writer.AlreadyPresent)
            {
                return AlreadyStored(source, sha256, reader.Format, expanded.Length);
            }

            batch = read.WriteInto(writer);
            result = writer.Complete(batch);
        }

        return Published(source, reader.Format, expanded.Length, sha256, result, batch, read);
    }
}
