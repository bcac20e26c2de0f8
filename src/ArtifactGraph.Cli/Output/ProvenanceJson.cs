using System.Globalization;
using System.Text.Json;
using ArtifactGraph.Core.Queries;

namespace ArtifactGraph.Cli.Output;

/// <summary>The <c>provenance --json</c> shape documented in README.md.</summary>
internal static class ProvenanceJson
{
    public static void Write(Utf8JsonWriter json, ProvenanceResult result)
    {
        json.WriteStartObject();
        json.WriteString("query", result.Query);
        json.WriteBoolean("found", result.Subjects.Count > 0 || result.Packages.Count > 0);
        json.WriteStartArray("subjects");
        foreach (var subject in result.Subjects)
        {
            json.WriteStartObject();
            json.WriteString("kind", subject.Node.Kind.ToString());
            json.WriteString("id", subject.Node.Key);
            json.WriteString("name", subject.Name);
            JsonOut.Strings(json, "builders", subject.Builders);
            JsonOut.Strings(json, "buildTypes", subject.BuildTypes);
            Sources(json, subject.Sources);
            json.WriteStartArray("materials");
            foreach (var material in subject.Materials)
            {
                json.WriteStartObject();
                json.WriteString("kind", material.Kind.ToString());
                json.WriteString("id", material.Key);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("attestations");
            foreach (var attestation in subject.Attestations)
            {
                var document = attestation.Document;
                json.WriteStartObject();
                json.WriteString("sha256", document.Sha256);
                json.WriteString("format", document.Format);
                json.WriteString("name", document.Name);
                json.WriteString("ingestedAt", document.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
                json.WriteString("effectiveAt", document.EffectiveAt.ToString("O", CultureInfo.InvariantCulture));
                json.WriteBoolean("current", document.IsCurrent);
                json.WriteString("predicateType", attestation.PredicateType);
                json.WriteString("buildType", attestation.BuildType);
                json.WriteBoolean("verified", attestation.Verified);
                json.WriteString("keyid", attestation.KeyId);
                json.WriteString("reason", attestation.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("packages");
        foreach (var package in result.Packages)
        {
            json.WriteStartObject();
            json.WriteString("id", package.Package.Key);
            Sources(json, package.Sources);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }


    private static void Sources(Utf8JsonWriter json, IReadOnlyList<SourceProvenance> sources)
    {
        json.WriteStartArray("sources");
        foreach (var source in sources)
        {
            json.WriteStartObject();
            json.WriteString("id", source.Node.Key);
            json.WriteString("repository", source.Repository);
            json.WriteString("revision", source.Revision);
            json.WriteString("ref", source.Ref);
            if (source.Scorecard is { } card)
            {
                json.WriteStartObject("scorecard");
                json.WriteString("id", card.Node.Key);
                json.WriteString("basis", card.Basis);
                if (card.Score is { } score)
                {
                    json.WriteNumber("score", score);
                }
                else
                {
                    json.WriteNull("score");
                }

                json.WriteString("date", card.Date);
                json.WriteString("commit", card.Commit);
                json.WriteString("version", card.Version);
                json.WriteStartArray("failingChecks");
                foreach (var check in card.FailingChecks)
                {
                    json.WriteStartObject();
                    json.WriteString("name", check.Name);
                    json.WriteNumber("score", check.Score);
                    json.WriteString("reason", check.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("scorecard");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
