using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL.Execution;

internal enum CompletionKind
{
    Scalar,
    List,
    Object,
    Abstract,
}

/// <summary>
/// How a field's value is completed, read once from its graph type (non-null wrapper, list, scalar or
/// enum, object, interface or union) so that executing a plan tests no graph type per value: the
/// interface casts GraphQL.NET's types need (each implements a dozen interfaces) were a tenth of the
/// executor's CPU.
/// </summary>
internal sealed class Completion
{
    private Completion(IGraphType type)
    {
        if (type is NonNullGraphType nonNull)
        {
            NonNull = true;
            type = nonNull.ResolvedType ?? throw new NotSupportedException("an unresolved non-null type");
        }

        switch (type)
        {
            case ListGraphType list:
                Kind = CompletionKind.List;
                Item = new Completion(list.ResolvedType ?? throw new NotSupportedException("an unresolved list type"));
                break;
            case ScalarGraphType scalar:
                Kind = CompletionKind.Scalar;
                Scalar = scalar;
                break;
            case IObjectGraphType objectType:
                Kind = CompletionKind.Object;
                ObjectType = objectType;
                break;
            case IAbstractGraphType abstractType:
                Kind = CompletionKind.Abstract;
                AbstractType = abstractType;
                break;
            default:
                throw new NotSupportedException($"the output type {type} is not planned");
        }
    }

    public bool NonNull { get; }

    public CompletionKind Kind { get; }

    /// <summary>Scalars and enums (an enum is a ScalarGraphType in GraphQL.NET).</summary>
    public ScalarGraphType? Scalar { get; }

    /// <summary>A list's items.</summary>
    public Completion? Item { get; }

    public IObjectGraphType? ObjectType { get; }

    public IAbstractGraphType? AbstractType { get; }

    public static Completion Of(IGraphType type) => new(type);
}
