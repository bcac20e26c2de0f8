using System.Buffers;
using System.Collections;
using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ArtifactGraph.Server.GraphQL.Execution;

/// <summary>
/// Runs a <see cref="QueryPlan"/> (the request's variables coerced first, when it declares some) and
/// writes the response (<c>{"data":...}</c>) straight into a buffer, without GraphQL.NET's
/// execution-node tree: each field's resolver (its middleware, e.g. the role check, included) is called
/// with a <see cref="ResolveFieldContext"/> carrying what resolvers read (Source, Arguments,
/// FieldDefinition, FieldAst, ParentType, UserContext, RequestServices, CancellationToken, Schema,
/// Document, Operation, Errors), or, for a field that reads only its parent value and has no middleware,
/// that read is called directly (<see cref="SourceResolvers"/>); values are completed as ExecutionStrategy
/// does (non-null and list wrappers, IsTypeOf, abstract types through GetObjectType, scalars through
/// Serialize) and written as <see cref="ExecutionResultConverter"/> writes them, so the bytes are the same.
/// Anything else — an exception, an error, null for a non-null field, a cancelled token, a type not
/// resolved, a resolver that does not complete synchronously, a data loader — abandons the answer
/// (null): the caller runs the request through GraphQL.NET, which then owns errors, partial data and
/// paths. Query resolvers only read, so running one twice is safe.
/// Path, ResponsePath, Parent, SubFields and Directives are not filled: no resolver reads them (one that
/// throws on the missing value falls back as any other error).
/// </summary>
internal sealed class FastExecutor(ISchema schema, ResultSerializer serializer)
{
    private static readonly IReadOnlyDictionary<string, object?> NoExtensions = new Dictionary<string, object?>();

    public ArrayBufferWriter<byte>? TryWrite(QueryPlan plan, GraphQLDocument document, RequestContext request, IServiceProvider? services, CancellationToken token, Inputs? variables = null)
    {
        if (!plan.Runnable)
        {
            return null;
        }

        // Coerced before anything runs, as GraphQL.NET's validation does: a bad value leaves the request to it.
        VariableValues? values = null;
        if (plan.Variables is { } variablePlan && (values = variablePlan.Coerce(variables)) is null)
        {
            return null;
        }

        if (plan.RootFor(values?.Variables ?? global::GraphQL.Validation.Variables.None) is not { } root)
        {
            return null;
        }

        var run = new Run(schema, serializer.Options, values?.Arguments ?? [], new ResolveFieldContext
        {
            UserContext = request,
            Schema = schema,
            Document = document,
            Operation = plan.Operation,
            Variables = values?.Variables ?? global::GraphQL.Validation.Variables.None,
            CancellationToken = token,
            Metrics = Metrics.None,
            Errors = [],
            RequestServices = services,
            InputExtensions = NoExtensions,
            OutputExtensions = new Dictionary<string, object?>(),
        });
        var buffer = ResultSerializer.Rent();
        try
        {
            using (var writer = serializer.CreateWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("data");
                run.Object(writer, root, null);
                writer.WriteEndObject();
            }

            if (run.Clean)
            {
                return buffer;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Abandoned: GraphQL.NET runs the request and reports whatever went wrong as it always has.
        }

        buffer.ResetWrittenCount();
        ResultSerializer.Return(buffer);
        return null;
    }

    /// <summary>One request's walk; the resolve context is reused between fields as GraphQL.NET reuses its own.</summary>
    private sealed class Run
    {
        private readonly ISchema _schema;
        private readonly JsonSerializerOptions _options;
        private readonly ResolveFieldContext _template;
        private readonly IDictionary<string, ArgumentValue>?[] _arguments;
        private ResolveFieldContext? _context;

        public Run(ISchema schema, JsonSerializerOptions options, IDictionary<string, ArgumentValue>?[] arguments, ResolveFieldContext template)
        {
            _schema = schema;
            _options = options;
            _arguments = arguments;
            _template = template;
            _context = template;
        }

        /// <summary>No resolver reported an error or wrote an extension on the side.</summary>
        public bool Clean => _template.Errors.Count == 0 && _template.OutputExtensions.Count == 0;

        public void Object(Utf8JsonWriter writer, SelectionPlan plan, object? source)
        {
            writer.WriteStartObject();
            foreach (var field in plan.Fields)
            {
                _template.CancellationToken.ThrowIfCancellationRequested();
                var result = field.Read is { } read ? read(source) : Resolve(plan, field, source);
                writer.WritePropertyName(field.Name);
                Value(writer, field, field.Completion, result);
            }

            writer.WriteEndObject();
        }

        private object? Resolve(SelectionPlan plan, FieldPlan field, object? source)
        {
            var context = _context ?? new ResolveFieldContext(_template);
            _context = null;
            context.Source = source;
            context.FieldAst = field.Field;
            context.FieldDefinition = field.Definition;
            context.ParentType = plan.Type;
            context.Arguments = field.Slot < 0 ? field.Arguments : _arguments[field.Slot] ?? field.Arguments;
            var pending = field.Resolver.ResolveAsync(context);
            if (!pending.IsCompletedSuccessfully)
            {
                // Not ours to wait for: observe it and let GraphQL.NET run the request.
                _ = pending.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                throw new Abandoned();
            }

            var result = pending.Result;

            // As ExecutionStrategy: a list may be evaluated lazily over the context, which is then not reused.
            if (result is null or string or int or bool || result is not IEnumerable)
            {
                _context = context;
            }

            return result;
        }

        private void Value(Utf8JsonWriter writer, FieldPlan field, Completion completion, object? result)
        {
            if (result is not (null or string or int or bool) && result is IDataLoaderResult)
            {
                throw new Abandoned();
            }

            if (completion.Scalar is { } scalar)
            {
                // Serialised first, then checked for null, as CompleteNodeAsync does.
                result = scalar.Serialize(result);
            }

            if (result is null)
            {
                if (completion.NonNull)
                {
                    throw new Abandoned();
                }

                writer.WriteNullValue();
                return;
            }

            switch (completion.Kind)
            {
                case CompletionKind.Scalar:
                    ExecutionResultConverter.WriteScalar(writer, result, _options);
                    break;
                case CompletionKind.List:
                    List(writer, field, completion.Item!, result);
                    break;
                case CompletionKind.Object:
                    Object(writer, Checked(field, completion.ObjectType!, result), result);
                    break;
                default:
                    // Interfaces and unions: the type the schema resolves (ResolveType, else IsTypeOf); For
                    // checks it is a possible type.
                    var concrete = completion.AbstractType!.GetObjectType(result, _schema) ?? throw new Abandoned();
                    Object(writer, Checked(field, concrete, result), result);
                    break;
            }
        }

        private void List(Utf8JsonWriter writer, FieldPlan field, Completion item, object result)
        {
            if (result is not IEnumerable items)
            {
                throw new Abandoned();
            }

            if (item.Scalar is { } scalar && scalar.CanSerializeList(items, allowNulls: !item.NonNull))
            {
                // GraphQL.NET keeps such a list whole (SerializedResult) and its converter serialises it.
                JsonSerializer.Serialize(writer, scalar.SerializeList(items), _options);
                return;
            }

            writer.WriteStartArray();
            if (items is IList indexed)
            {
                for (var i = 0; i < indexed.Count; i++)
                {
                    Value(writer, field, item, indexed[i]);
                }
            }
            else
            {
                foreach (var value in items)
                {
                    Value(writer, field, item, value);
                }
            }

            writer.WriteEndArray();
        }

        /// <summary>The plan for a value of <paramref name="type"/>, after ValidateNodeResult's IsTypeOf check.</summary>
        private static SelectionPlan Checked(FieldPlan field, IObjectGraphType type, object value)
        {
            if (type.IsTypeOf is { } isTypeOf && !type.SkipTypeCheck && !isTypeOf(value))
            {
                throw new Abandoned();
            }

            return field.For(type) ?? throw new Abandoned();
        }
    }

    /// <summary>The fast answer is given up; GraphQL.NET answers instead.</summary>
    private sealed class Abandoned : Exception;
}
