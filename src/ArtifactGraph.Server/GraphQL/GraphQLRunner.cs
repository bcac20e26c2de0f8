using ArtifactGraph.Core.Indexing;
using ArtifactGraph.Core.Storage;
using ArtifactGraph.Server.Auth;
using ArtifactGraph.Server.GraphQL.Execution;
using ArtifactGraph.Server.Operations;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>What a GraphQL request asks, however it arrived (POST body or GET query string).</summary>
internal sealed record GraphQLCall(string Query, Inputs? Variables, string? OperationName, bool ViaGet);

/// <summary>
/// The outcome: the result to serialize, and what kind of failure (if any) decides the HTTP status.
/// <see cref="Cached"/>: the serialised response kept for the same request on the same snapshot (then
/// nothing executed and <see cref="Result"/> is empty). <see cref="CacheAs"/>: where to keep this
/// response's bytes once serialised (a query that executed without errors), else null.
/// </summary>
internal sealed record GraphQLOutcome(ExecutionResult Result, GraphQLFailure Failure)
{
    public byte[]? Cached { get; init; }

    public (GraphIndex Snapshot, ResponseCacheKey Key)? CacheAs { get; init; }

    /// <summary>With <see cref="CacheAs"/>: identical requests waiting for these bytes; complete it once serialised (null when not kept).</summary>
    public ResponseFlight? Flight { get; init; }

    /// <summary>The response already written by <see cref="FastExecutor"/> (then <see cref="Result"/> is empty); the endpoint sends it and returns the buffer.</summary>
    public System.Buffers.ArrayBufferWriter<byte>? Written { get; init; }
}

internal enum GraphQLFailure
{
    None,

    /// <summary>The document does not parse, validate or pass the limits: nothing executed.</summary>
    Request,

    /// <summary>A mutation sent with GET (GraphQL-over-HTTP: 405).</summary>
    MethodNotAllowed,

    /// <summary>Every execution slot stayed busy for the queue timeout (503).</summary>
    Busy,

    /// <summary>The execution ran past its timeout (504 under graphql-response+json).</summary>
    Timeout,

    /// <summary>The index is still loading (503).</summary>
    NotReady,
}

/// <summary>
/// Parses, checks limits, and executes on one snapshot with a timeout and a bound on concurrent
/// executions. The executer is GraphQL.NET's; this class is the server's policy around it.
/// </summary>
internal sealed class GraphQLRunner : IDisposable
{
    private readonly ArtifactGraphSchema _schema;
    private readonly DocumentExecuter _executer = new(
        new GraphQLDocumentBuilder(),
        new ArgumentValuesValidator(new DocumentValidator()),
        new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(new QueryExecutionStrategy(), OperationType.Query)]),
        []);
    private readonly GraphQLDocumentBuilder _builder = new() { MaxDepth = 128 };
    private readonly ServerOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly QueryLimits _limits;
    private readonly GraphIndexHolder _holder;
    private readonly IGraphStore _store;
    private readonly DocumentIngestion _ingestion;
    private readonly Readiness _readiness;
    private readonly FastExecutor _fast;
    private long _executions;
    private long _fastExecutions;

    public GraphQLRunner(ArtifactGraphSchema schema, IOptions<ServerOptions> options, GraphIndexHolder holder, IGraphStore store, DocumentIngestion ingestion, Readiness readiness)
    {
        Responses = new ResponseCache(holder, options.Value.ResponseCacheEnabled, options.Value.ResponseCacheMaxBytes, options.Value.ResponseCacheMaxEntryBytes);
        _schema = schema;
        _options = options.Value;
        _slots = new SemaphoreSlim(_options.MaxConcurrentExecutions, _options.MaxConcurrentExecutions);
        _schema.Initialize();
        _limits = new QueryLimits(schema, _options);
        _holder = holder;
        _store = store;
        _ingestion = ingestion;
        _readiness = readiness;
        _fast = new FastExecutor(schema, ResultSerializer.Shared);
    }

    /// <summary>Parsed (and once validated) documents by query text.</summary>
    internal DocumentCache Documents { get; } = new();

    /// <summary>Serialised responses of queries by request, per snapshot.</summary>
    internal ResponseCache Responses { get; }

    /// <summary>Test hook: a delay inside the execution slot and under the timeout, to exercise both.</summary>
    internal TimeSpan TestDelay { get; set; }

    /// <summary>Test hook: awaited inside the execution slot with the execution's token, to hold or fail one execution.</summary>
    internal Func<CancellationToken, Task>? TestHook { get; set; }

    /// <summary>Executions started since start (a request answered from the cache or by a shared flight is not one).</summary>
    internal long Executions => Interlocked.Read(ref _executions);

    /// <summary>Executions answered by <see cref="FastExecutor"/> (the rest ran through GraphQL.NET).</summary>
    internal long FastExecutions => Interlocked.Read(ref _fastExecutions);

    public async Task<GraphQLOutcome> RunAsync(GraphQLCall call, Caller caller, IServiceProvider services, CancellationToken aborted)
    {
        if (!_readiness.IsReady)
        {
            return Fail(GraphQLFailure.NotReady, "NOT_READY", "the index is still loading; retry shortly (see /readyz)");
        }

        // One snapshot for the lookup, the execution and the entry kept, so an answer is never filed
        // under a snapshot it was not computed on. The caller was authenticated before this (a revoked
        // key never gets here); its role is part of the key.
        var snapshot = _holder.Current;
        var key = Responses.Enabled && caller.Role is { } role ? ResponseCacheKey.TryCreate(call.Query, call.OperationName, call.Variables, role) : null;
        var lookup = key is null ? default : Responses.Find(snapshot, key);
        if (lookup.Body is { } body)
        {
            return Shared(body);
        }

        if (lookup.Flight is { } flight && !lookup.Leads)
        {
            // An identical request is executing on this snapshot: its bytes are this answer. The wait is
            // bounded as that execution is (queue and execution timeouts); if it has nothing to share,
            // execute as if alone.
            try
            {
                if (await Responses.WaitAsync(flight, _options.QueueTimeout + _options.ExecutionTimeout, aborted).ConfigureAwait(false) is { } shared)
                {
                    return Shared(shared);
                }
            }
            catch (TimeoutException)
            {
                return Fail(GraphQLFailure.Timeout, "EXECUTION_TIMEOUT", $"the query ran longer than {_options.ExecutionTimeout.TotalSeconds:0.###} s and was cancelled");
            }

            return await RunAloneAsync(call, caller, services, snapshot, key, aborted).ConfigureAwait(false);
        }

        var leading = lookup.Flight;
        GraphQLOutcome outcome;
        try
        {
            outcome = await RunAloneAsync(call, caller, services, snapshot, key, aborted).ConfigureAwait(false);
        }
        catch
        {
            leading?.Complete(null);
            throw;
        }

        // A cacheable outcome carries the flight to the endpoint, which completes it once serialised.
        if (outcome.CacheAs is null)
        {
            leading?.Complete(null);
            return outcome;
        }

        return outcome with { Flight = leading };
    }

    /// <summary>Parses, checks and executes; marks the outcome cacheable under <paramref name="key"/> when it is.</summary>
    private async Task<GraphQLOutcome> RunAloneAsync(GraphQLCall call, Caller caller, IServiceProvider services, GraphIndex snapshot, ResponseCacheKey? key, CancellationToken aborted)
    {
        var cached = Documents.Find(call.Query);
        if (cached is null)
        {
            try
            {
                cached = Documents.Add(call.Query, _builder.Build(call.Query));
            }
            catch (ExecutionError error)
            {
                return new GraphQLOutcome(new ExecutionResult { Errors = [error] }, GraphQLFailure.Request);
            }
            catch (GraphQLParser.Exceptions.GraphQLParserException error)
            {
                // Nesting past the parser's depth bound (a stack-exhaustion attempt) is not a syntax error to
                // GraphQL.NET's document builder, so it arrives here.
                return Fail(GraphQLFailure.Request, "SYNTAX_ERROR", error.Message);
            }
        }

        var document = cached.Document;
        var operation = SelectOperation(document, call.OperationName);
        if (operation is null)
        {
            // Let the executer's validation name the problem (unknown or ambiguous operation).
            return await ExecuteAsync(call, cached, null, snapshot, caller, services, aborted).ConfigureAwait(false);
        }

        if (call.ViaGet && operation.Operation != OperationType.Query)
        {
            return Fail(GraphQLFailure.MethodNotAllowed, "METHOD_NOT_ALLOWED", "mutations must be sent with POST");
        }

        if (_limits.Check(document, operation, call.Variables) is { } violation)
        {
            return Fail(GraphQLFailure.Request, violation.Code, violation.Message);
        }

        var outcome = await ExecuteAsync(call, cached, operation, snapshot, caller, services, aborted).ConfigureAwait(false);

        // Only queries (a mutation's answer is its side effect) that ran without any error (a partial
        // answer, a refused field, a timeout) are kept.
        return key is not null && operation.Operation == OperationType.Query && outcome.Failure == GraphQLFailure.None && outcome.Result.Errors is not { Count: > 0 }
            ? outcome with { CacheAs = (snapshot, key) }
            : outcome;
    }

    private async Task<GraphQLOutcome> ExecuteAsync(GraphQLCall call, DocumentCache.Entry document, GraphQLOperationDefinition? operation, GraphIndex snapshot, Caller caller, IServiceProvider services, CancellationToken aborted)
    {
        if (!await _slots.WaitAsync(_options.QueueTimeout, aborted).ConfigureAwait(false))
        {
            return Fail(GraphQLFailure.Busy, "SERVER_BUSY", $"all {_options.MaxConcurrentExecutions} execution slots are busy; retry shortly");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(_options.ExecutionTimeout);
        try
        {
            Interlocked.Increment(ref _executions);
            if (TestDelay > TimeSpan.Zero)
            {
                await Task.Delay(TestDelay, timeout.Token).ConfigureAwait(false);
            }

            if (TestHook is { } hook)
            {
                await hook(timeout.Token).ConfigureAwait(false);
            }

            if (Plan(document, operation) is { } plan && _fast.TryWrite(plan, document.Document, Context(snapshot, caller), services, timeout.Token, call.Variables) is { } written)
            {
                Interlocked.Increment(ref _fastExecutions);
                return new GraphQLOutcome(new ExecutionResult { Executed = true }, GraphQLFailure.None) { Written = written };
            }

            var result = await _executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = _schema,
                Query = call.Query,
                Document = document.Document,

                // A document that passed validation once skips the schema rules (null = GraphQL.NET's defaults).
                ValidationRules = document.Validated ? [] : null,
                Variables = call.Variables,
                OperationName = call.OperationName,
                // A fresh context after an abandoned fast attempt: nothing it cached reaches GraphQL.NET's run.
                UserContext = Context(snapshot, caller),
                RequestServices = services,
                CancellationToken = timeout.Token,
            }).ConfigureAwait(false);
            if (result.Executed)
            {
                document.MarkValidated();
            }

            return new GraphQLOutcome(result, result.Executed ? GraphQLFailure.None : GraphQLFailure.Request);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return Fail(GraphQLFailure.Timeout, "EXECUTION_TIMEOUT", $"the query ran longer than {_options.ExecutionTimeout.TotalSeconds:0.###} s and was cancelled");
        }
        finally
        {
            _slots.Release();
        }
    }

    private RequestContext Context(GraphIndex snapshot, Caller caller) => new()
    {
        Index = snapshot,
        Store = _store,
        Caller = caller,
        Options = _options,
        Ingestion = _ingestion,
    };

    /// <summary>
    /// The plan FastExecutor runs for this operation: only for a document GraphQL.NET has validated and
    /// executed once (so the plan never meets an invalid one), compiled on first use and kept on the
    /// document's entry; null when switched off (Server:FastExecution) or not plannable.
    /// </summary>
    private QueryPlan? Plan(DocumentCache.Entry document, GraphQLOperationDefinition? operation)
    {
        if (!_options.FastExecution || !document.Validated || operation is null)
        {
            return null;
        }

        var plan = document.Plan;
        if (plan is null || !ReferenceEquals(plan.Operation, operation))
        {
            try
            {
                plan = QueryPlanCompiler.Compile(_schema, document.Document, operation, ResultSerializer.Shared.Options);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever the compiler did not foresee: GraphQL.NET executes this operation, as before.
                plan = new QueryPlan(operation, null);
            }

            document.Plan = plan;
        }

        return plan.Runnable ? plan : null;
    }

    /// <summary>
    /// Runs one small query through every stage (parse, validate, execute, the Node interface's type
    /// resolution) so the first client does not pay for schema initialisation and JIT: seconds on a busy
    /// machine. Called before the server reports ready.
    /// </summary>
    public Task WarmUpAsync() => _executer.ExecuteAsync(new ExecutionOptions
    {
        Schema = _schema,
        Query = "{ __typename search(text: \"warm-up\", first: 1) { totalCount edges { node { id kind key } } } }",
        UserContext = new RequestContext
        {
            Index = _holder.Current,
            Store = _store,
            Caller = new Caller(ApiKeyRole.Reader, "warm-up"),
            Options = _options,
            Ingestion = _ingestion,
        },
    });

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? name)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(name)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == name);
    }

    private static GraphQLOutcome Shared(byte[] body) => new(new ExecutionResult(), GraphQLFailure.None) { Cached = body };

    private static GraphQLOutcome Fail(GraphQLFailure failure, string code, string message) =>
        new(new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, failure);

    public void Dispose() => _slots.Dispose();
}
