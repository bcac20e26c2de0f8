namespace ArtifactGraph.Cli.CommandLine;

/// <summary>A usage error: printed with the command's usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The parsed words after the command name: positionals, <c>--flag</c>s and <c>--option value</c> /
/// <c>--option=value</c> pairs. Each command declares which options take values, so a typo is an
/// error instead of being silently taken as a positional.
/// </summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public static CommandArgs Parse(IReadOnlyList<string> words, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        var args = new CommandArgs();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "--")
            {
                args.Positionals.AddRange(words.Skip(i + 1));
                break;
            }

            if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
            {
                args.Positionals.Add(word);
                continue;
            }

            var eq = word.IndexOf('=');
            var name = eq > 0 ? word[..eq] : word;
            if (valueOptions.Contains(name))
            {
                var value = eq > 0 ? word[(eq + 1)..] : i + 1 < words.Count ? words[++i] : throw new UsageException($"{name} needs a value");
                args._values[name] = value;
            }
            else if (flagOptions.Contains(name) && eq < 0)
            {
                args._flags.Add(name);
            }
            else
            {
                throw new UsageException($"unknown option {name}");
            }
        }

        return args;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _values.GetValueOrDefault(option);

    public int? IntValue(string option)
    {
        var text = Value(option);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{option} takes a whole number, not '{text}'");
    }
}
