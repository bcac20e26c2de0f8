using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Core.Ingestion;

/// <summary>What a claim says: stored as the numeric value, append only.</summary>
public enum ClaimKind : byte
{
    /// <summary>An advisory's affected ranges for one package (<see cref="Advisories.AffectedClaim"/>).</summary>
    Affected = 0,

    /// <summary>A VEX statement about one product (<see cref="Advisories.VexClaim"/>).</summary>
    Vex = 1,
}

/// <summary>
/// A statement about a vulnerability and a node that is not an edge: advisory ranges are matched against
/// the package versions the graph knows at query time (so a new SBOM and a new advisory meet whichever
/// arrives first), and VEX statements are applied to answers. Stores keep claims beside the graph with
/// the document that made them; only claims of current documents are loaded.
/// <see cref="Vulnerability"/> is the vulnerability's node key (upper-cased id); <see cref="Subject"/> is
/// the Package (affected) or the product (VEX); <see cref="Payload"/> is the typed claim as JSON
/// (<see cref="Advisories.ClaimJson"/>).
/// </summary>
public sealed record ClaimRecord(ClaimKind Kind, string Vulnerability, NodeRef Subject, string Payload);
