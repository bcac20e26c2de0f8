namespace ArtifactGraph.Core.Tests.Identity;

/// <summary>
/// Corpus cases that cannot pass alongside the rest, because the corpus or the type definitions say
/// the opposite elsewhere. Each is matched by file, test type and input, and carries its reason.
/// </summary>
internal static class PurlSpecDivergences
{
    private const string LegacyFile = "purl-spec_test-suite-data.json";

    private const string UpperKeys =
        "required parse must fail on an upper-case qualifier key, yet maven-test.json's required parse of "
        + "'...?type=pom&repositorY_url=...' must succeed, and the recommended validate case for this same input "
        + "(and the legacy suite) lower-cases the key; we lower-case keys";

    private static readonly (string File, string TestType, string Input, string Reason)[] Known =
    [
        ("tests/types/gem-test.json", "parse", "pkg:gem/jruby-launcher@1.1.2?Platform=java", UpperKeys),
        ("tests/types/rpm-test.json", "parse", "pkg:Rpm/fedora/curl@7.50.3-1.fc25?Arch=i386&Distro=fedora-25", UpperKeys),
        ("tests/types/git-test.json", "validate", "pkg:git/github/Package-url/purl-Spec@244fd47e07d1004f0aed9c",
            "recommended case lower-cases git namespace and name, but git-definition.json marks both case_sensitive: true"),
        (LegacyFile, "legacy", "pkg:conan/bincrafters/cctz@2.3",
            "legacy rule 'a conan namespace needs a channel' was dropped: conan-test.json parses pkg:conan/openssl.org/openssl@3.0.3 without one"),
        (LegacyFile, "legacy", "pkg:conan/cctz@2.3?channel=stable",
            "legacy rule 'a conan channel needs a namespace' is not in conan-definition.json (user and channel are optional qualifiers)"),
        (LegacyFile, "legacy", "pkg:cpan/Perl-Version@1.013",
            "legacy suite read a namespace-less cpan name as a module; cpan-definition.json says it is a distribution name (cpan-test.json builds pkg:cpan/URI-PackageURL)"),
        (LegacyFile, "legacy", "pkg:cpan/URI::PackageURL@2.11",
            "cpan-definition.json forbids '::' in the name and cpan-test.json requires pkg:cpan/URI::PackageURL to fail"),
        (LegacyFile, "legacy", "pkg:cran/A3",
            "legacy suite required a cran version; cran-definition.json makes it optional"),
        (LegacyFile, "legacy", "pkg:swift/github.com/Alamofire/Alamofire",
            "legacy suite required a swift version; swift-definition.json makes it optional"),
        (LegacyFile, "legacy", "pkg:huggingface/distilbert-base-uncased@043235d6088ecd3dd5fb5ca3592b6913fd516027",
            "huggingface-definition.json makes the namespace required; huggingface-test.json uses pkg:huggingface/distilbert/distilbert-base-uncased"),
    ];

    public static int Count => Known.Length;

    public static string? ReasonFor(PurlSpecCase c) =>
        Known.Where(k => k.File == c.File && k.TestType == c.TestType && k.Input == c.InputText)
            .Select(k => k.File + ": " + k.Input + " - " + k.Reason)
            .FirstOrDefault();
}
