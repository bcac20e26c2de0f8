using System.Globalization;

namespace ArtifactGraph.Bench;

/// <summary><c>--name value</c> options and <c>--flag</c> switches after the verb.</summary>
internal sealed class BenchOptions
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--verify", "--keep", "--postgres", "--cold", "--reader-only", "--sequential", "--no-overlap", "--overlap-ab", "--variables", "--gc-concurrent", "--no-checkpoint-thread" };
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public BenchOptions(IReadOnlyList<string> arguments)
    {
        Arguments = arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{argument}'");
            }

            if (Flags.Contains(argument))
            {
                _flags.Add(argument);
            }
            else if (i + 1 < arguments.Count)
            {
                _values[argument] = arguments[++i];
            }
            else
            {
                throw new ArgumentException($"{argument} needs a value");
            }
        }
    }

    public IReadOnlyList<string> Arguments { get; }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required");

    public int? Int(string name) => Value(name) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{name} must be a non-negative integer")
        : null;

    public long? Long(string name) => Value(name) is { } text
        ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{name} must be a non-negative integer")
        : null;

    public bool Has(string flag) => _flags.Contains(flag);

    public int Seed => Int("--seed") ?? 42;
}
