namespace ArtifactGraph.Core.Versions;

/// <summary>vers <c>lexicographic</c>: versions ordered by their UTF-8 bytes (upper case before lower case).</summary>
internal sealed class LexicographicScheme : IVersionScheme
{
    public static readonly LexicographicScheme Instance = new();

    public string Name => "lexicographic";

    public bool IsGeneric => false;

    public bool IsValid(string version) => version.Length > 0;

    /// <summary>Ordinal UTF-16 order equals UTF-8 byte order except across surrogates, so compare the bytes.</summary>
    public int Compare(string left, string right) =>
        Math.Sign(System.Text.Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(right)));
}
