using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ArtifactGraph.Ingest.Formats.Spdx2;

/// <summary>
/// A YAML representation tree → the JSON tree the JSON parser reads, so YAML and JSON share one parser. Scalars
/// become strings (plain <c>null</c>/<c>~</c>/empty become null). Aliases are expanded while counting nodes, so an
/// alias bomb ("billion laughs") hits <see cref="MaxAliasedNodes"/> and is rejected instead of exhausting memory.
/// Remembers each node's line by JSON pointer, to report rejections by line.
/// </summary>
internal sealed class Spdx2YamlTree
{
    public const int MaxNodes = 2_000_000;

    /// <summary>Nodes reached a second time through an alias; real SBOMs use few aliases, bombs use them exponentially.</summary>
    public const int MaxAliasedNodes = 100_000;
    private const int MaxDepth = 256;

    private readonly Dictionary<string, long> _lines = new(StringComparer.Ordinal);
    private readonly HashSet<YamlNode> _seen = new(ReferenceEqualityComparer.Instance);
    private int _nodes;
    private int _aliased;

    public static (JsonNode? Json, Spdx2YamlTree Tree) Convert(YamlNode root)
    {
        var tree = new Spdx2YamlTree();
        return (tree.Visit(root, string.Empty, 0), tree);
    }

    /// <summary>The line of the deepest node on the pointer's path, e.g. <c>line 12 (/packages/0/name)</c>.</summary>
    public string Locate(string pointer)
    {
        for (var prefix = pointer; ; prefix = prefix[..prefix.LastIndexOf('/')])
        {
            if (_lines.TryGetValue(prefix, out var line))
            {
                return $"line {line.ToString(CultureInfo.InvariantCulture)} ({(pointer.Length == 0 ? "/" : pointer)})";
            }

            if (prefix.Length == 0)
            {
                return pointer;
            }
        }
    }

    private JsonNode? Visit(YamlNode node, string pointer, int depth)
    {
        if (++_nodes > MaxNodes)
        {
            throw new DocumentRejectedException($"line {node.Start.Line}", $"more than {MaxNodes} YAML nodes (an alias bomb, or a document too large)");
        }

        if (!_seen.Add(node) && ++_aliased > MaxAliasedNodes)
        {
            throw new DocumentRejectedException($"line {node.Start.Line}", $"aliases expand to more than {MaxAliasedNodes} nodes (an alias bomb?)");
        }

        if (depth > MaxDepth)
        {
            throw new DocumentRejectedException($"line {node.Start.Line}", $"YAML nested deeper than {MaxDepth}");
        }

        _lines.TryAdd(pointer, node.Start.Line);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode { Value: { } text }
                        ? text
                        : throw new DocumentRejectedException($"line {key.Start.Line}", "a mapping key must be a scalar");
                    obj[name] = Visit(value, Spdx2Json.Child(pointer, name), depth + 1);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    array.Add(Visit(item, pointer + "/" + index++.ToString(CultureInfo.InvariantCulture), depth + 1));
                }

                return array;
            case YamlScalarNode scalar:
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
                return isNull ? null : JsonValue.Create(scalar.Value);
            default:
                throw new DocumentRejectedException($"line {node.Start.Line}", "unsupported YAML node");
        }
    }
}
