using System.Text;

namespace ArtifactGraph.Core.Indexing;

/// <summary>
/// Strings stored as UTF-8 back to back in one byte array: entry i is bytes[offsets[i]..offsets[i+1]].
/// One object instead of one string (header, length, UTF-16) per entry. Ill-formed UTF-16 (a lone
/// surrogate) is stored as U+FFFD, as <see cref="Encoding.UTF8"/> writes it.
/// </summary>
internal sealed class Utf8Arena
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;

    private Utf8Arena(byte[] bytes, int[] offsets)
    {
        _bytes = bytes;
        _offsets = offsets;
    }

    public int Count => _offsets.Length - 1;

    public long Bytes => _bytes.LongLength + (_offsets.LongLength * 4);

    public ReadOnlySpan<byte> this[int i] => _bytes.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

    public string GetString(int i) => Encoding.UTF8.GetString(this[i]);

    public static Utf8Arena From(IReadOnlyList<string> strings)
    {
        var offsets = new int[strings.Count + 1];
        long total = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            total += Encoding.UTF8.GetByteCount(strings[i]);
            if (total > Array.MaxLength)
            {
                throw new InvalidOperationException($"more than {Array.MaxLength:N0} bytes of strings for one arena");
            }

            offsets[i + 1] = (int)total;
        }

        var bytes = GC.AllocateUninitializedArray<byte>((int)total);
        for (var i = 0; i < strings.Count; i++)
        {
            Encoding.UTF8.GetBytes(strings[i], bytes.AsSpan(offsets[i]));
        }

        return new Utf8Arena(bytes, offsets);
    }
}
