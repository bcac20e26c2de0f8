using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// The first of the JSON reader's two passes over the bytes: checks the whole document's syntax (so
/// malformed JSON anywhere is reported before anything else, with the same <see cref="JsonException"/> a
/// whole-document parse raised) and records where each known top-level member's value lies. JSON does not
/// order members, so the second pass can then read metadata before components and components before
/// dependencies wherever they are written. Holds offsets (12 bytes per top-level component and dependency
/// entry), never the document.
/// </summary>
internal sealed class CdxJsonTopLevel : IDisposable
{
    /// <summary>Components whose member offsets the syntax pass records, at most (a pooled table of 64 bytes each, ≤ 4 MiB).</summary>
    internal const int MaxRecordedComponents = 1 << 16;

    /// <summary>The small members the header is read from (<see cref="Header"/>); services are read there too.</summary>
    private static readonly string[] HeaderMembers = ["bomFormat", "$schema", "specVersion", "metadata", "serialNumber", "version", "services"];

    private static readonly string[] UnmappedSections =
        ["services", "vulnerabilities", "compositions", "formulation", "declarations", "annotations", "definitions", "citations"];

    private static readonly string[] KnownMembers = [.. HeaderMembers.Union(UnmappedSections), "components", "dependencies"];

    private readonly ReadOnlyMemory<byte> _json;
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);

    // Per top-level component (by index), where each member CdxJsonComponent reads starts, relative to the component:
    // the syntax pass steps through every member anyway, and a second pass per component to find them was ~6% of
    // reading an SBOM. Pooled; _recorded rows of CdxJsonComponent.MemberSlots each.
    private int[] _componentMembers = [];
    private int _recorded;

    private CdxJsonTopLevel(ReadOnlyMemory<byte> json) => _json = json;

    public static CdxJsonTopLevel Scan(ReadOnlyMemory<byte> json)
    {
        var top = new CdxJsonTopLevel(json);
        var reader = new Utf8JsonReader(json.Span, CdxJsonItems.ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            ReadToEnd(ref reader);
            throw new DocumentRejectedException("/", "a CycloneDX document is a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = KnownName(ref reader);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var token = reader.TokenType;
            var items = 0;
            List<Item>? ranges = name is "components" or "dependencies" or "vulnerabilities" ? [] : null;
            var components = name == "components";
            if (components)
            {
                // A repeated member keeps its last value: so does the table.
                top._recorded = 0;
            }

            if (token == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items++;
                    var itemStart = (int)reader.TokenStartIndex;
                    var itemToken = reader.TokenType;
                    if (components && itemToken == JsonTokenType.StartObject && top._recorded == items - 1 && items <= MaxRecordedComponents)
                    {
                        top.RecordMembers(ref reader, itemStart);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    ranges?.Add(new Item(itemStart, (int)reader.BytesConsumed - itemStart, itemToken));
                }
            }
            else
            {
                reader.Skip();
            }

            if (name is not null)
            {
                // A repeated member keeps its last value, as JsonElement.TryGetProperty reads it.
                top._members[name] = new Member(start, (int)reader.BytesConsumed - start, token, items, ranges);
            }
        }

        ReadToEnd(ref reader);
        return top;
    }

    /// <summary>
    /// Where each member <see cref="CdxJsonComponent.Read"/> looks for starts in top-level component <paramref name="index"/>
    /// (-1: absent), relative to the component's bytes; empty when not recorded (past <see cref="MaxRecordedComponents"/>,
    /// or after an item that is not an object).
    /// </summary>
    public ReadOnlySpan<int> ComponentMembers(int index) =>
        index < _recorded ? _componentMembers.AsSpan(index * CdxJsonComponent.MemberSlots, CdxJsonComponent.MemberSlots) : default;

    public void Dispose()
    {
        if (_componentMembers.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_componentMembers);
            _componentMembers = [];
        }

        _recorded = 0;
    }

    /// <summary>Steps through a component object member by member (as <c>Skip</c> would), noting where each known member's value starts.</summary>
    private void RecordMembers(ref Utf8JsonReader reader, int itemStart)
    {
        var end = (_recorded + 1) * CdxJsonComponent.MemberSlots;
        if (end > _componentMembers.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(Math.Max(end, _componentMembers.Length * 2));
            _componentMembers.AsSpan().CopyTo(larger);
            if (_componentMembers.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_componentMembers);
            }

            _componentMembers = larger;
        }

        CdxJsonComponent.RecordMembers(ref reader, itemStart, _componentMembers.AsSpan(end - CdxJsonComponent.MemberSlots, CdxJsonComponent.MemberSlots));
        _recorded++;
    }

    /// <summary>The first token of a member's value; null when the member is absent.</summary>
    public JsonTokenType? Token(string name) => _members.TryGetValue(name, out var member) ? member.Token : null;

    /// <summary>The number of items of a top-level array member (0 when absent or not an array).</summary>
    public int Count(string name) => _members.TryGetValue(name, out var member) ? member.Items : 0;

    /// <summary>A member's value as a slice of the document; null when the member is absent.</summary>
    public ReadOnlyMemory<byte>? Value(string name) =>
        _members.TryGetValue(name, out var member) ? _json.Slice(member.Start, member.Length) : default(ReadOnlyMemory<byte>?);

    /// <summary>
    /// The items of the top-level <c>components</c>, <c>dependencies</c> or <c>vulnerabilities</c> array (absent or not an array: none):
    /// each item's bytes, first token and index. Recorded by the syntax pass, which walks them anyway, so the
    /// second pass parses each item without first skipping over it again.
    /// </summary>
    public IEnumerable<(ReadOnlyMemory<byte> Item, JsonTokenType Token, int Index)> Items(string name)
    {
        var ranges = _members.TryGetValue(name, out var member) ? member.Ranges ?? [] : [];
        for (var index = 0; index < ranges.Count; index++)
        {
            yield return (_json.Slice(ranges[index].Start, ranges[index].Length), ranges[index].Token, index);
        }
    }

    /// <summary>
    /// A JSON object of just the header members, copied from the document: small whatever the document's size,
    /// so the typed accessors of <see cref="CdxJson"/> read the header, metadata and services as they always did.
    /// </summary>
    public byte[] Header()
    {
        // Member names are plain ASCII constants, so the object is written by hand around the raw values.
        var header = new List<byte>(capacity: 256) { (byte)'{' };
        foreach (var name in HeaderMembers)
        {
            if (Value(name) is { } value)
            {
                if (header.Count > 1)
                {
                    header.Add((byte)',');
                }

                header.AddRange(Encoding.UTF8.GetBytes($"\"{name}\":"));
                header.AddRange(value.Span);
            }
        }

        header.Add((byte)'}');
        return [.. header];
    }

    /// <summary>Sections not mapped yet → their item count, or <c>present</c> when not an array; null reads as absent.</summary>
    public List<KeyValuePair<string, string>> SectionCounts()
    {
        var counts = new List<KeyValuePair<string, string>>();
        foreach (var section in UnmappedSections)
        {
            if (_members.TryGetValue(section, out var member) && member.Token != JsonTokenType.Null)
            {
                counts.Add(new(section, member.Token == JsonTokenType.StartArray
                    ? member.Items.ToString(CultureInfo.InvariantCulture)
                    : "present"));
            }
        }

        return counts;
    }

    private static string? KnownName(ref Utf8JsonReader reader)
    {
        foreach (var name in KnownMembers)
        {
            if (reader.ValueTextEquals(name))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Reads past the root value, so trailing content is malformed JSON as a whole-document parse said.</summary>
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    /// <summary>Where a member's value lies; <see cref="Ranges"/> only for the arrays read item by item.</summary>
    private sealed record Member(int Start, int Length, JsonTokenType Token, int Items, List<Item>? Ranges);

    private readonly record struct Item(int Start, int Length, JsonTokenType Token);
}
