using ArtifactGraph.Core.Versions;

namespace ArtifactGraph.Core.Tests.Versions;

/// <summary>
/// Our own vectors per scheme, from each ecosystem's documented rules: Fixtures/Versions/Ordering/&lt;vers scheme&gt;.txt,
/// one <c>A &lt; B</c>, <c>A = B</c>, <c>A &gt; B</c> or <c>invalid X</c> per line. Every failing line is reported.
/// </summary>
public sealed class VersionOrderingFixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Versions", "Ordering");

    public static TheoryData<string> Files() =>
        [.. Directory.EnumerateFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Compare_DocumentedVectors_OrderAsTheEcosystemDoes(string schemeName)
    {
        var scheme = VersionSchemes.ForVersScheme(schemeName);
        Assert.NotNull(scheme);
        var failures = new List<string>();
        var lines = File.ReadAllLines(Path.Combine(Folder, schemeName + ".txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var line in lines)
        {
            if (line.StartsWith("invalid ", StringComparison.Ordinal))
            {
                var text = line["invalid ".Length..];
                if (scheme.IsValid(text))
                {
                    failures.Add($"'{text}' is accepted");
                }
                else if (Record.Exception(() => scheme.Compare(text, text)) is not FormatException)
                {
                    failures.Add($"Compare('{text}') does not throw FormatException");
                }

                continue;
            }

            var op = new[] { " < ", " = ", " > " }.First(line.Contains);
            var parts = line.Split(op);
            var expected = op.Trim() switch { "<" => -1, "=" => 0, _ => 1 };
            var actual = Math.Sign(scheme.Compare(parts[0], parts[1]));
            var reverse = Math.Sign(scheme.Compare(parts[1], parts[0]));
            if (actual != expected || reverse != -expected)
            {
                failures.Add($"{line}: got {actual} (reverse {reverse})");
            }
        }

        Assert.True(lines.Count > 5, "too few vectors");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
