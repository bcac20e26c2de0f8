using System.Text;
using System.Text.Json;
using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.Endpoints;
using ArtifactGraph.Server.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ArtifactGraph.Server.Tests.GraphQL;

/// <summary>
/// Identical requests that miss the response cache at the same time (right after a commit dropped it)
/// share one execution; requests that differ do not, and a leader that fails or goes away leaves its
/// waiters to execute themselves. The first execution is held in the runner's test hook until every
/// other request is waiting, so the overlap is certain, not timed.
/// </summary>
public sealed class GraphQLRunnerSingleFlightTests : IDisposable
{
    private const string BlastRadius = "{ blastRadius(purl: \"pkg:npm/lodash\") { counts { images } images(first: 50) { totalCount edges { depth node { id key name } } } } }";

    private const string PagedSearch = "query($n: Int!) { search(text: \"lodash\", first: $n) { totalCount edges { node { key } } } }";

    private readonly ServerFixture _server = new();

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _entered;

    public void Dispose() => _server.Dispose();

    private GraphQLRunner Runner => _server.Services.GetRequiredService<GraphQLRunner>();

    [Fact]
    public async Task RunAsync_IdenticalRequestsAfterACommit_ExecuteOnce()
    {
        var before = await PostAsync(_server, BlastRadius);
        Commit();
        HoldExecutions();
        var executions = Runner.Executions;

        var requests = Enumerable.Range(0, 8).Select(_ => PostAsync(_server, BlastRadius)).ToList();
        await UntilAsync(() => _entered == 1 && Runner.Responses.Counters().Waiting == 7);
        _release.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.Equal(1L, Runner.Executions - executions);
        Assert.All(answers, a => Assert.Equal((200, before.Body), (a.Status, a.Body)));
        Assert.Equal(7L, Runner.Responses.Counters().Shared);
    }

    [Fact]
    public async Task RunAsync_OtherRoleOrVariables_NotShared()
    {
        Commit();
        HoldExecutions();
        var admin = _server.CreateKey("admin");
        var executions = Runner.Executions;

        var requests = new[]
        {
            PostAsync(_server, PagedSearch, new { n = 1 }),
            PostAsync(_server, PagedSearch, new { n = 1 }, admin),
            PostAsync(_server, PagedSearch, new { n = 2 }),
            PostAsync(_server, PagedSearch, new { n = 1 }),
        };
        await UntilAsync(() => _entered == 3 && Runner.Responses.Counters().Waiting == 1);
        _release.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.Equal(3L, Runner.Executions - executions);
        Assert.Equal(answers[0].Body, answers[3].Body);
        Assert.NotEqual(answers[0].Body, answers[2].Body);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
    }

    [Fact]
    public async Task RunAsync_LeaderFails_WaitersExecuteThemselves()
    {
        var expected = await PostAsync(_server, BlastRadius);
        Commit();

        // The first execution "times out" (the runner's answer to a cancelled execution it did not abort).
        Runner.TestHook = async token =>
        {
            if (Interlocked.Increment(ref _entered) == 1)
            {
                await _release.Task;
                throw new OperationCanceledException(token);
            }
        };
        var executions = Runner.Executions;

        var leader = PostAsync(_server, BlastRadius);
        await UntilAsync(() => _entered == 1);
        var waiters = Enumerable.Range(0, 3).Select(_ => PostAsync(_server, BlastRadius)).ToList();
        await UntilAsync(() => Runner.Responses.Counters().Waiting == 3);
        _release.SetResult();

        Assert.Equal(504, (await leader).Status);
        Assert.All(await Task.WhenAll(waiters), a => Assert.Equal((200, expected.Body), (a.Status, a.Body)));
        Assert.Equal(4L, Runner.Executions - executions);
        Assert.Equal(0L, Runner.Responses.Counters().Shared);
    }

    [Fact]
    public async Task RunAsync_LeaderCancelled_WaitersStillAnswered()
    {
        var expected = await PostAsync(_server, BlastRadius);
        Commit();
        Runner.TestHook = async token =>
        {
            if (Interlocked.Increment(ref _entered) == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }
        };

        using var gone = new CancellationTokenSource();
        var leader = PostAsync(_server, BlastRadius, cancel: gone.Token);
        await UntilAsync(() => _entered == 1);
        var waiters = Enumerable.Range(0, 3).Select(_ => PostAsync(_server, BlastRadius)).ToList();
        await UntilAsync(() => Runner.Responses.Counters().Waiting == 3);
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leader);
        Assert.All(await Task.WhenAll(waiters), a => Assert.Equal((200, expected.Body), (a.Status, a.Body)));
    }

    [Fact]
    public async Task RunAsync_WaiterCancelled_LeaderAndOthersUnaffected()
    {
        Commit();
        HoldExecutions();

        var leader = PostAsync(_server, BlastRadius);
        await UntilAsync(() => _entered == 1);
        using var gone = new CancellationTokenSource();
        var quitter = PostAsync(_server, BlastRadius, cancel: gone.Token);
        var stayer = PostAsync(_server, BlastRadius);
        await UntilAsync(() => Runner.Responses.Counters().Waiting == 2);
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter);
        _release.SetResult();

        Assert.Equal((await leader).Body, (await stayer).Body);
        Assert.Equal((1L, 1), (Runner.Responses.Counters().Shared, Runner.Responses.Counters().Entries));
    }

    /// <summary>Publishes a new snapshot, as a commit does: every kept response is dropped.</summary>
    private void Commit() => _server.Services.GetRequiredService<GraphIndexHolder>().LoadFrom(_server.Services.GetRequiredService<IGraphStore>());

    /// <summary>Every execution waits for <see cref="_release"/>.</summary>
    private void HoldExecutions() => Runner.TestHook = async token =>
    {
        Interlocked.Increment(ref _entered);
        await _release.Task.WaitAsync(token);
    };

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 30_000, "the requests did not line up within 30 s");
            await Task.Delay(10);
        }
    }

    private static async Task<(int Status, string Body)> PostAsync(ServerFixture server, string query, object? variables = null, string? key = null, CancellationToken cancel = default)
    {
        using var client = server.Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(GraphQLEndpoint.GraphQLResponseJson);
        using var response = await client.SendAsync(request, cancel);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancel));
    }
}
