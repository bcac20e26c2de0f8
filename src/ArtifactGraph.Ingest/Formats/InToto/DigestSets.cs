using System.Text.Json;
using ArtifactGraph.Core.Identity;

namespace ArtifactGraph.Ingest.Formats.InToto;

/// <summary>
/// Reads an in-toto digest set (<c>{"sha256": "…", "sha512": "…"}</c>) as real documents write it.
/// Unambiguous repairs are made and warned about: a value wrapped in stray quotes or spaces
/// (<c>"'aaf0…'"</c>). A value that cannot be a digest of its algorithm (wrong length, not hex) is
/// dropped with a warning; two spellings of one algorithm with different values reject the document.
/// </summary>
internal static class DigestSets
{
    /// <summary>Key preference: sha256 first (what most documents share), then the strongest.</summary>
    private static readonly string[] Preference =
        ["sha256", "sha512", "sha384", "sha3-512", "sha3-384", "sha3-256", "blake2b-512", "blake2b-384", "blake2b-256", "blake3", "sha224", "sha3-224", "sha1", "md5"];

    /// <summary>Raw entries (algorithm as written → value, unwrapped); used for git revisions, which any label may carry.</summary>
    public static List<(string Algorithm, string Value, string Pointer)> ReadRaw(JsonElement? digestSet, string pointer, AttestationDocument document)
    {
        var entries = new List<(string, string, string)>();
        if (digestSet is not { } set)
        {
            return entries;
        }

        foreach (var property in set.EnumerateObject())
        {
            var at = JsonPointers.Child(pointer, property.Name);
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw JsonPointers.WrongType(at, "a string", property.Value.ValueKind);
            }

            var raw = property.Value.GetString()!;
            var value = raw.Trim().Trim('"', '\'').Trim();
            if (value.Length != raw.Length)
            {
                document.Builder.Warn(at, $"digest value {raw} was wrapped in quotes or spaces; unwrapped to {value}");
            }

            entries.Add((property.Name, value, at));
        }

        return entries;
    }

    /// <summary>The entries that are valid digests, canonical, one per algorithm.</summary>
    public static List<Digest> Valid(List<(string Algorithm, string Value, string Pointer)> entries, AttestationDocument document)
    {
        var digests = new List<Digest>();
        foreach (var (algorithm, value, at) in entries)
        {
            if (!Digest.TryCreate(algorithm, value, out var digest, out var error))
            {
                document.Builder.Warn(at, $"not a usable digest ({error}); dropped");
                continue;
            }

            var existing = digests.FindIndex(d => d.Algorithm == digest.Algorithm);
            if (existing >= 0)
            {
                if (digests[existing].Hex != digest.Hex)
                {
                    throw new DocumentRejectedException(at, $"two {digest.Algorithm} digests with different values ({digests[existing].Hex}, {digest.Hex}): which one is meant is ambiguous");
                }

                continue;
            }

            digests.Add(digest);
        }

        return digests;
    }

    /// <summary>The digest an Artifact is keyed by; the others become <c>digest:&lt;alg&gt;</c> properties.</summary>
    public static Digest Key(IReadOnlyList<Digest> digests)
    {
        foreach (var algorithm in Preference)
        {
            var index = digests.ToList().FindIndex(d => d.Algorithm == algorithm);
            if (index >= 0)
            {
                return digests[index];
            }
        }

        return digests.OrderBy(d => d.Algorithm, StringComparer.Ordinal).First();
    }
}
