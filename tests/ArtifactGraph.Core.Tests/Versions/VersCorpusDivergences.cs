namespace ArtifactGraph.Core.Tests.Versions;

/// <summary>
/// Corpus cases whose expected result we deliberately do not produce, each with the reason. Matched by
/// file and input text.
/// </summary>
internal static class VersCorpusDivergences
{
    private const string NpmSpec = "vers-spec/tests/npm_range_from_native_test.json";
    private const string NpmAdvisory = "univers/npm_advisory.json";

    private const string XRangeWithOperator =
        "node-semver reads '>=' on an x-range as '>=' its lowest version (>=2.2.x is >=2.2.0, unbounded); "
        + "the expected output reads it as the x-range alone and adds an upper bound";

    private const string TildePrerelease =
        "node-semver expands ~0.8.0-pre to >=0.8.0-pre <0.9.0-0; the expected output splits it at 0.8.0 and "
        + "stops at <0.8.1, which no semver rule produces";

    private static readonly (string File, string Input, string Reason)[] Known =
    [
        (NpmSpec, ">= 2.2.x", XRangeWithOperator),
        (NpmSpec, ">= 1.x", XRangeWithOperator),
        (NpmAdvisory, ">= 2.2.x", XRangeWithOperator),
        (NpmAdvisory, ">= 1.x", XRangeWithOperator),
        (NpmSpec, ">= 0.2.0 <= 0.9.6 || ~0.8.0-pre", TildePrerelease),
        (NpmAdvisory, ">= 0.2.0 <= 0.9.6 || ~0.8.0-pre", TildePrerelease),
        ("vers-spec/tests/vers_canonical_parse_test.json", "vers:npm/1.0%252F0",
            "percent-decoding is right ('1.0%2F0'), but we reject a version its scheme cannot read when the range is "
            + "parsed, so a bad bound surfaces at once; '1.0%2F0' is not a semver version"),
    ];

    public static int Count => Known.Length;

    public static string? ReasonFor(VersCorpusCase c) =>
        Known.Where(k => k.File == c.File && k.Input == c.InputText).Select(k => $"{k.File}: {k.Input} - {k.Reason}").FirstOrDefault();
}
