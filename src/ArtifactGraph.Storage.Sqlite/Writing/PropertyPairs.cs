using ArtifactGraph.Core.Ingestion;

namespace ArtifactGraph.Storage.Sqlite.Writing;

/// <summary>
/// A record's properties, visited without allocating an enumerator: by position for the readers' maps
/// (<see cref="IPropertyPairs"/>), through <see cref="Dictionary{TKey,TValue}"/>'s struct enumerator, and only
/// otherwise through the interface. The writers visit every record's properties several times (key coverage,
/// live keys, JSON); an enumerator per visit was most of a 1,000-component SBOM's commit allocations.
/// </summary>
internal readonly struct PropertyPairs(IReadOnlyDictionary<string, string> properties)
{
    public Enumerator GetEnumerator() => new(properties);

    internal struct Enumerator : IDisposable
    {
        private readonly IPropertyPairs? _pairs;
        private readonly bool _isDictionary;
        private readonly IEnumerator<KeyValuePair<string, string>>? _other;
        private Dictionary<string, string>.Enumerator _dictionary;
        private int _index;

        public Enumerator(IReadOnlyDictionary<string, string> properties)
        {
            _index = -1;
            _pairs = properties as IPropertyPairs;
            if (_pairs is not null)
            {
                return;
            }

            if (properties is Dictionary<string, string> dictionary)
            {
                _dictionary = dictionary.GetEnumerator();
                _isDictionary = true;
            }
            else
            {
                _other = properties.GetEnumerator();
            }
        }

        public KeyValuePair<string, string> Current { get; private set; }

        public bool MoveNext()
        {
            if (_pairs is not null)
            {
                if (++_index >= _pairs.Count)
                {
                    return false;
                }

                Current = _pairs.PairAt(_index);
                return true;
            }

            if (_isDictionary ? !_dictionary.MoveNext() : !_other!.MoveNext())
            {
                return false;
            }

            Current = _isDictionary ? _dictionary.Current : _other!.Current;
            return true;
        }

        public readonly void Dispose() => _other?.Dispose();
    }
}
