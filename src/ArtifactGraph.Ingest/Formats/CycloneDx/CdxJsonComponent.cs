using System.Text;
using System.Text.Json;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.CycloneDx;

/// <summary>
/// One listed component read straight from its bytes with <see cref="Utf8JsonReader"/>s, as
/// <see cref="CdxJsonParser.ReadComponent"/> reads a <see cref="JsonElement"/>: the same fields, checks, messages
/// and order (name first, then the fields in the order that method reads them), a repeated member counting with
/// its last value. One pass records where each known member's value starts; each value is then read from there.
/// A <see cref="JsonDocument"/> per component (parse, metadata rows, a lookup per field) was a fifth of the reader.
/// The bytes were checked for syntax by <see cref="CdxJsonTopLevel.Scan"/>, so only shapes can be wrong here.
/// </summary>
internal static class CdxJsonComponent
{
    private const int Name = 0, Group = 1, BomRef = 2, Type = 3, Version = 4, Purl = 5, Description = 6, Publisher = 7,
        Supplier = 8, Cpe = 9, Scope = 10, Properties = 11, Hashes = 12, Licenses = 13, ExternalReferences = 14, Components = 15;

    private static readonly string[] Names =
        ["name", "group", "bom-ref", "type", "version", "purl", "description", "publisher",
         "supplier", "cpe", "scope", "properties", "hashes", "licenses", "externalReferences", "components"];

    private static readonly byte[][] Utf8Names = [.. Names.Select(n => System.Text.Encoding.UTF8.GetBytes(n))];

    /// <summary>How many members <see cref="Read"/> looks for: the length of a <c>members</c> table.</summary>
    internal const int MemberSlots = Components + 1;

    /// <param name="json">The component object's bytes.</param>
    /// <param name="hasChildren">Whether it has a non-empty <c>components</c> array.</param>
    /// <param name="members">Where each known member's value starts in <paramref name="json"/> (-1: absent), when the syntax
    /// pass recorded it (<see cref="CdxJsonTopLevel.ComponentMembers"/>); empty: found here.</param>
    public static CdxComponent Read(ReadOnlySpan<byte> json, string pointer, bool checkChildren, out bool hasChildren, ReadOnlySpan<int> members = default)
    {
        Span<int> found = stackalloc int[MemberSlots];
        if (members.Length != MemberSlots)
        {
            var reader = new Utf8JsonReader(json, CdxJsonItems.ReaderOptions);
            reader.Read();
            RecordMembers(ref reader, 0, found);
        }

        ReadOnlySpan<int> at = members.Length == MemberSlots ? members : found;
        var name = CdxComponent.RequireName(String(json, at[Name], pointer, Name), pointer);
        var group = String(json, at[Group], pointer, Group)?.Trim();
        var bomRef = String(json, at[BomRef], pointer, BomRef);
        var component = new CdxComponent
        {
            Location = pointer,
            Name = name,
            Group = group,
            BomRef = bomRef,
            Type = String(json, at[Type], pointer, Names[Type], intern: true),
            Version = String(json, at[Version], pointer, Version),
            Purl = SameString(json, at[Purl], at[BomRef]) ? bomRef : String(json, at[Purl], pointer, Purl),
            Description = String(json, at[Description], pointer, Description),
            Publisher = String(json, at[Publisher], pointer, Publisher),
            Supplier = ReadSupplier(json, at[Supplier], pointer),
            Cpe = String(json, at[Cpe], pointer, Cpe),
            Scope = String(json, at[Scope], pointer, Names[Scope], intern: true),
            Properties = ReadProperties(json, at[Properties], pointer),
            Hashes = ReadHashes(json, at[Hashes], pointer),
            Licenses = ReadLicenses(json, at[Licenses], pointer),
            VcsUrls = ReadVcsUrls(json, at[ExternalReferences]),
        };

        hasChildren = false;
        if (at[Components] >= 0)
        {
            var reader = ValueAt(json, at[Components]);
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    hasChildren = true;
                    if (!checkChildren)
                    {
                        break;
                    }

                    // The whole subtree is checked now, where a whole-document parse found its errors.
                    var childPointer = CdxLocation.Item(pointer, "components", index++).ToString();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw CdxJson.WrongType(childPointer, "an object", reader.TokenType);
                    }

                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    Read(json[(at[Components] + start)..(at[Components] + (int)reader.BytesConsumed)], childPointer, checkChildren: true, out _);
                }
            }
            else if (checkChildren && reader.TokenType != JsonTokenType.Null)
            {
                throw CdxJson.WrongType(CdxJson.Child(pointer, "components"), "an array", reader.TokenType);
            }
        }

        return component;
    }

    /// <summary>
    /// Steps a reader that stands on a component's <c>{</c> through its members to the closing <c>}</c> (as <c>Skip</c> would),
    /// recording in <paramref name="at"/> where each known member's (last) value starts, relative to <paramref name="start"/>;
    /// -1 when absent. Both the syntax pass (<see cref="CdxJsonTopLevel"/>) and a component read alone use it.
    /// </summary>
    internal static void RecordMembers(ref Utf8JsonReader reader, int start, scoped Span<int> at)
    {
        at.Fill(-1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = Slot(ref reader);
            reader.Read();
            if (slot >= 0)
            {
                at[slot] = (int)reader.TokenStartIndex - start;
            }

            reader.Skip();
        }
    }

    /// <summary>The slot (index into a members table) of the member name the reader is on; -1 for a member not read.</summary>
    private static int Slot(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (reader.ValueTextEquals(Utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The member <paramref name="name"/> of the object at <paramref name="objectAt"/> (last wins); -1 when absent.</summary>
    private static int Member(ReadOnlySpan<byte> json, int objectAt, ReadOnlySpan<byte> name)
    {
        var reader = ValueAt(json, objectAt);
        var found = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                found = objectAt + (int)reader.TokenStartIndex;
            }

            reader.Skip();
        }

        return found;
    }

    /// <summary>
    /// The members <paramref name="first"/> and <paramref name="second"/> of the object at <paramref name="objectAt"/>
    /// (last wins; -1 when absent) in one pass: hashes, licenses and properties ask for two members each, and a
    /// pass per name tokenized each of those objects twice or more.
    /// </summary>
    private static (int First, int Second) Members(ReadOnlySpan<byte> json, int objectAt, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var reader = ValueAt(json, objectAt);
        int a = -1, b = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = reader.ValueTextEquals(first) ? 1 : reader.ValueTextEquals(second) ? 2 : 0;
            reader.Read();
            if (slot == 1)
            {
                a = objectAt + (int)reader.TokenStartIndex;
            }
            else if (slot == 2)
            {
                b = objectAt + (int)reader.TokenStartIndex;
            }

            reader.Skip();
        }

        return (a, b);
    }

    private static string? String(ReadOnlySpan<byte> json, int at, string pointer, int member) =>
        String(json, at, pointer, Names[member]);

    /// <summary>
    /// The string at <paramref name="at"/>; null when absent or null; another type rejects at <paramref name="parent"/>/<paramref name="member"/>.
    /// <paramref name="intern"/> for the few values that recur in every component (type, scope, hash algorithm,
    /// license id), which then share one string per value (<see cref="JsonStrings"/>).
    /// </summary>
    private static string? String(ReadOnlySpan<byte> json, int at, CdxLocation parent, string member, bool intern = false)
    {
        if (at < 0)
        {
            return null;
        }

        if (TryPlainString(json, at, out var plain))
        {
            return intern ? JsonStrings.Intern(plain) : Encoding.ASCII.GetString(plain);
        }

        var reader = ValueAt(json, at);
        return reader.TokenType switch
        {
            JsonTokenType.String => intern ? JsonStrings.Intern(ref reader) : reader.GetString(),
            JsonTokenType.Null => null,
            var other => throw CdxJson.WrongType(parent.Child(member).ToString(), "a string", other),
        };
    }

    /// <summary>
    /// The bytes of the string value at <paramref name="at"/> when it is plain ASCII without escapes (names, versions,
    /// purls, digests nearly always are), found without a <see cref="Utf8JsonReader"/>: a reader built and stepped for
    /// each of a component's strings was ~5% of reading an SBOM. False for anything else (escapes, other characters,
    /// another token), which the reader then reads and checks. The bytes passed <see cref="CdxJsonTopLevel.Scan"/>, so
    /// an unescaped quote ends the string.
    /// </summary>
    private static bool TryPlainString(ReadOnlySpan<byte> json, int at, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (json[at] != (byte)'"')
        {
            return false;
        }

        var rest = json[(at + 1)..];
        var end = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || rest[end] != (byte)'"')
        {
            return false;
        }

        value = rest[..end];
        return Ascii.IsValid(value);
    }

    /// <summary>
    /// Whether the values at <paramref name="at"/> and <paramref name="other"/> are the same string as written:
    /// tools write the purl as the bom-ref, and one string then serves both.
    /// </summary>
    private static bool SameString(ReadOnlySpan<byte> json, int at, int other)
    {
        if (at < 0 || other < 0)
        {
            return false;
        }

        if (TryPlainString(json, at, out var plainFirst) && TryPlainString(json, other, out var plainSecond))
        {
            return plainFirst.SequenceEqual(plainSecond);
        }

        var first = ValueAt(json, at);
        var second = ValueAt(json, other);
        return first.TokenType == JsonTokenType.String && second.TokenType == JsonTokenType.String
            && first.ValueSpan.SequenceEqual(second.ValueSpan);
    }

    /// <summary>The object at <paramref name="at"/>: true; absent or null: false; another type rejects.</summary>
    private static bool IsObject(ReadOnlySpan<byte> json, int at, CdxLocation location)
    {
        if (at < 0)
        {
            return false;
        }

        var token = ValueAt(json, at).TokenType;
        return token == JsonTokenType.StartObject || (token == JsonTokenType.Null ? false : throw CdxJson.WrongType(location.ToString(), "an object", token));
    }

    private static string? ReadSupplier(ReadOnlySpan<byte> json, int at, string pointer) =>
        IsObject(json, at, CdxLocation.Member(pointer, "supplier"))
            ? String(json, Member(json, at, "name"u8), CdxLocation.Member(pointer, "supplier"), "name")
            : null;

    /// <summary>
    /// A reader on the array at <paramref name="at"/> (absent or null: false; not an array: rejected). Its items
    /// are then taken with <see cref="NextObject"/>, which rejects an item that is not an object when it reaches
    /// it, after the items before it were read, as a whole-document read met them.
    /// </summary>
    private static bool ArrayAt(ReadOnlySpan<byte> json, int at, string pointer, string member, out Utf8JsonReader reader)
    {
        reader = default;
        if (at < 0)
        {
            return false;
        }

        reader = ValueAt(json, at);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        return reader.TokenType == JsonTokenType.StartArray
            ? true
            : throw CdxJson.WrongType(CdxJson.Child(pointer, member), "an array", reader.TokenType);
    }

    /// <summary>The offset of the next item of the array (from <paramref name="arrayAt"/>), or -1 at its end; an item not an object rejects.</summary>
    private static int NextObject(ref Utf8JsonReader reader, int arrayAt, int index, string pointer, string member)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return -1;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw CdxJson.WrongType(CdxLocation.Item(pointer, member, index).ToString(), "an object", reader.TokenType);
        }

        var item = arrayAt + (int)reader.TokenStartIndex;
        reader.Skip();
        return item;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ReadProperties(ReadOnlySpan<byte> json, int at, string pointer)
    {
        List<KeyValuePair<string, string>>? properties = null;
        if (ArrayAt(json, at, pointer, "properties", out var items))
        {
            for (int i = 0, item; (item = NextObject(ref items, at, i, pointer, "properties")) >= 0; i++)
            {
                var location = CdxLocation.Item(pointer, "properties", i);
                var (nameAt, valueAt) = Members(json, item, "name"u8, "value"u8);
                if (String(json, nameAt, location, "name", intern: true) is { Length: > 0 } name)
                {
                    (properties ??= []).Add(new(name, String(json, valueAt, location, "value") ?? string.Empty));
                }
            }
        }

        return properties is null ? Array.Empty<KeyValuePair<string, string>>() : properties;
    }

    private static IReadOnlyList<CdxHash> ReadHashes(ReadOnlySpan<byte> json, int at, string pointer)
    {
        var hashes = default(Collected<CdxHash>);
        if (ArrayAt(json, at, pointer, "hashes", out var items))
        {
            for (int i = 0, item; (item = NextObject(ref items, at, i, pointer, "hashes")) >= 0; i++)
            {
                var location = CdxLocation.Item(pointer, "hashes", i);
                var (algAt, contentAt) = Members(json, item, "alg"u8, "content"u8);
                var alg = String(json, algAt, location, "alg", intern: true);
                var hash = alg is not null && contentAt >= 0 && TryPlainString(json, contentAt, out var hex) && Digest.TryCreateText(alg, hex, out var digest)
                    ? new CdxHash(alg, null, location) { Digest = digest }
                    : new CdxHash(alg, String(json, contentAt, location, "content"), location);
                hashes.Add(hash);
            }
        }

        return hashes.Items;
    }

    private static IReadOnlyList<CdxLicense> ReadLicenses(ReadOnlySpan<byte> json, int at, string pointer)
    {
        var licenses = default(Collected<CdxLicense>);
        if (ArrayAt(json, at, pointer, "licenses", out var items))
        {
            for (int i = 0, item; (item = NextObject(ref items, at, i, pointer, "licenses")) >= 0; i++)
            {
                var location = CdxLocation.Item(pointer, "licenses", i);
                var (expressionAt, license) = Members(json, item, "expression"u8, "license"u8);
                if (String(json, expressionAt, location, "expression", intern: true) is { Length: > 0 } expression)
                {
                    licenses.Add(new CdxLicense(expression, null, null, location.Child("expression")));
                    continue;
                }

                var licenseLocation = location.Child("license");
                if (IsObject(json, license, licenseLocation))
                {
                    var (idAt, nameAt) = Members(json, license, "id"u8, "name"u8);
                    licenses.Add(new CdxLicense(
                        null,
                        String(json, idAt, licenseLocation, "id", intern: true),
                        String(json, nameAt, licenseLocation, "name", intern: true),
                        licenseLocation));
                }
            }
        }

        return licenses.Items;
    }

    /// <summary><c>externalReferences[type=vcs].url</c>, leniently as <see cref="CdxSourceAt.FromJson"/>: odd shapes are skipped.</summary>
    private static IReadOnlyList<string> ReadVcsUrls(ReadOnlySpan<byte> json, int at)
    {
        if (at < 0 || ValueAt(json, at).TokenType != JsonTokenType.StartArray)
        {
            return Array.Empty<string>();
        }

        List<string>? urls = null;
        var reader = ValueAt(json, at);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var itemAt = at + (int)reader.TokenStartIndex;
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
            if (!isObject)
            {
                continue;
            }

            var (type, url) = Members(json, itemAt, "type"u8, "url"u8);
            if (type >= 0 && url >= 0 && ValueAt(json, type) is { TokenType: JsonTokenType.String } typeReader
                && IsVcs(ref typeReader)
                && ValueAt(json, url) is { TokenType: JsonTokenType.String } urlReader)
            {
                (urls ??= []).Add(urlReader.GetString()!.Trim());
            }
        }

        return urls is null ? Array.Empty<string>() : urls;
    }

    /// <summary>Whether the string token is <c>vcs</c> in any case, without a string for the other reference types (website, distribution ...).</summary>
    private static bool IsVcs(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence
            ? string.Equals(reader.GetString(), "vcs", StringComparison.OrdinalIgnoreCase)
            : System.Text.Ascii.EqualsIgnoreCase(reader.ValueSpan, "vcs"u8);

    /// <summary>A reader on the value that starts at <paramref name="at"/>, its first token read.</summary>
    private static Utf8JsonReader ValueAt(ReadOnlySpan<byte> json, int at)
    {
        var reader = new Utf8JsonReader(json[at..], CdxJsonItems.ReaderOptions);
        reader.Read();
        return reader;
    }

    /// <summary>
    /// Items read one at a time (a component's hashes, its licenses): the usual single one becomes an array of one, without
    /// a list around it (a list object per component for each was ~2% of what reading an SBOM allocates).
    /// </summary>
    private struct Collected<T>
        where T : class
    {
        private T? _first;
        private List<T>? _more;

        public void Add(T item)
        {
            if (_more is not null)
            {
                _more.Add(item);
            }
            else if (_first is null)
            {
                _first = item;
            }
            else
            {
                _more = [_first, item];
            }
        }

        public readonly IReadOnlyList<T> Items => _more is not null ? _more : _first is null ? Array.Empty<T>() : new[] { _first };
    }
}
