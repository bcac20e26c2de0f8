using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArtifactGraph.Ingest.Formats.Spdx3;

/// <summary>
/// The document's <c>@context</c> and the one table that turns every spelling of an SPDX 3 term into its
/// compact name: <c>software_Package</c>, <c>spdx:software_Package</c>,
/// <c>https://spdx.org/rdf/3.0.1/terms/Software/Package</c> and an inline alias all read as
/// <c>software_Package</c>; <c>…/terms/Core/RelationshipType/contains</c> reads as <c>contains</c>.
/// Types, property names and vocabulary values all go through <see cref="Normalize"/>.
/// </summary>
internal sealed partial class Spdx3Context
{
    public const string ContextUrl = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";

    private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal) { ["spdx"] = "https://spdx.org/rdf/3.0.1/terms/" };

    /// <summary>Whether the context names SPDX 3 (the published context URL, or an inline context mapping to spdx.org/rdf/3).</summary>
    public bool NamesSpdx3 { get; private set; }

    /// <summary>Reads <c>@context</c>: a URL, an inline object, or an array of both. Absent → an empty context.</summary>
    public static Spdx3Context Read(JsonElement root)
    {
        var context = new Spdx3Context();
        if (root.TryGetProperty("@context", out var value))
        {
            context.Add(value);
        }

        return context;
    }

    public string Normalize(string term)
    {
        if (term.StartsWith('@'))
        {
            return term switch
            {
                "@id" => "spdxId",
                "@type" => "type",
                _ => term,
            };
        }

        if (_terms.TryGetValue(term, out var aliased))
        {
            term = aliased;
        }

        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !term.Contains("//", StringComparison.Ordinal) && _prefixes.TryGetValue(term[..colon], out var prefix))
        {
            term = prefix + term[(colon + 1)..];
        }

        var match = SpdxTermIri().Match(term);
        if (!match.Success)
        {
            return term;
        }

        // Core/name → name; Software/packageVersion → software_packageVersion; Core/RelationshipType/contains → contains.
        var segments = match.Groups["path"].Value.Split('/');
        return segments.Length switch
        {
            1 => segments[0],
            2 when segments[0] == "Core" => segments[1],
            2 => segments[0].ToLowerInvariant() + "_" + segments[1],
            _ => segments[^1],
        };
    }

    /// <summary>Whether a term spelled as written is an SPDX 3 IRI (so a context-less document can still be recognised).</summary>
    public static bool IsSpdx3Iri(string term) => SpdxTermIri().IsMatch(term);

    private void Add(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                NamesSpdx3 |= MentionsSpdx3(value.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Add(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var entry in value.EnumerateObject())
                {
                    var iri = entry.Value.ValueKind switch
                    {
                        JsonValueKind.String => entry.Value.GetString(),
                        JsonValueKind.Object when entry.Value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
                        _ => null,
                    };
                    if (iri is null || entry.Name.StartsWith('@'))
                    {
                        continue;
                    }

                    NamesSpdx3 |= MentionsSpdx3(iri);
                    if (iri.EndsWith('/') || iri.EndsWith('#'))
                    {
                        _prefixes[entry.Name] = iri;
                    }
                    else
                    {
                        _terms[entry.Name] = iri;
                    }
                }

                break;
        }
    }

    private static bool MentionsSpdx3(string text) => text.Contains("spdx.org/rdf/3", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^https?://spdx\.org/rdf/3(\.[0-9]+)*/terms/(?<path>[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*)$")]
    private static partial Regex SpdxTermIri();
}
