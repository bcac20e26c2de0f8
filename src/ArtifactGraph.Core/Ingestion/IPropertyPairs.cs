namespace ArtifactGraph.Core.Ingestion;

/// <summary>
/// Properties that can be read by position. The store writers visit every record's properties several times
/// (key coverage, live keys, JSON); through <see cref="IReadOnlyDictionary{TKey,TValue}"/> each visit allocates an
/// enumerator, which for a 1,000-component SBOM was most of the commit's allocations.
/// </summary>
public interface IPropertyPairs
{
    int Count { get; }

    /// <summary>The pair at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>), in insertion order.</summary>
    KeyValuePair<string, string> PairAt(int index);
}
