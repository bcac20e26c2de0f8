using System.Collections.Concurrent;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// One execution of a cacheable query in progress, which identical requests (same snapshot, same key:
/// query, operation, variables, role) wait for instead of executing it again: right after a commit drops
/// the response cache, a dashboard's or a bench's 64 identical requests would otherwise all execute
/// the same ~850 fields at once. The leader completes it exactly once with its serialised bytes, or
/// with null when it has nothing to share (an error, a timeout, a cancelled client, an answer over the
/// entry bound); waiters then execute themselves. Completing also takes it out of the table, so a
/// later request finds the cache entry (added before completing) or leads a new flight.
/// </summary>
internal sealed class ResponseFlight(ConcurrentDictionary<ResponseCacheKey, ResponseFlight> table, ResponseCacheKey key)
{
    private readonly TaskCompletionSource<byte[]?> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The leader's serialised response, or null when the waiters must execute themselves.</summary>
    public Task<byte[]?> Answer => _answer.Task;

    /// <summary>Idempotent: the first call decides what the waiters get.</summary>
    public void Complete(byte[]? body)
    {
        table.TryRemove(new KeyValuePair<ResponseCacheKey, ResponseFlight>(key, this));
        _answer.TrySetResult(body);
    }
}

/// <summary>
/// What the response cache answers a request: the kept bytes (<see cref="Body"/>), or a flight to lead
/// (<see cref="Leads"/>: execute, then complete it) or to wait for, or neither (cache off, key-less, or
/// a snapshot that is no longer the published one: execute alone).
/// </summary>
internal readonly record struct ResponseLookup(byte[]? Body, ResponseFlight? Flight, bool Leads);
