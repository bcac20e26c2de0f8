using System.Security.Cryptography;
using System.Text;

namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// The package universe of one seed: packages in global popularity order (id 0 is the most popular),
/// their versions (version 0 is the most used), and ~3 DEPENDS_ON per package version. A dependency
/// points at a more popular package of the same ecosystem (so the graph is acyclic), except for a
/// small share that may point anywhere in the ecosystem and so closes a few cycles.
/// </summary>
internal sealed class Universe
{
    public const int CorePackages = 100;
    private const double CycleShare = 0.002;

    private static readonly string[] Syllables =
    [
        "ba", "co", "da", "el", "fa", "go", "hu", "in", "jo", "ka", "lo", "mi", "no", "op", "pa", "qu", "ra",
        "si", "tu", "ul", "ve", "wa", "xi", "yo", "ze", "ar", "ex", "on", "ly", "ix", "ta", "re", "mo", "ne",
    ];

    private static readonly string[] Licenses = ["MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "GPL-2.0-only", "LGPL-2.1-or-later", "MPL-2.0", "BSD-2-Clause"];

    private readonly string[] _names;
    private readonly string?[] _groups;
    private readonly string?[] _purls;
    private readonly string?[] _hashes;
    private readonly ZipfTable[] _versionZipf;

    public Universe(int seed, int targetVersions)
    {
        Seed = seed;
        var rng = Rng.For(seed, 0, 0);
        var ecosystems = new List<Ecosystem>();
        var firstVersion = new List<int> { 0 };
        var names = new List<string>();
        var groups = new List<string?>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        while (total < targetVersions)
        {
            var id = ecosystems.Count;
            var ecosystem = Ecosystems.Pick(rng.NextDouble());
            var versions = Math.Min(targetVersions - total, VersionsPerPackage(rng.Next(10)));
            var (group, name) = Name(ref rng, ecosystem, id, taken);
            ecosystems.Add(ecosystem);
            names.Add(name);
            groups.Add(group);
            total += versions;
            firstVersion.Add(total);
        }

        EcosystemOf = [.. ecosystems];
        FirstVersion = [.. firstVersion];
        _names = [.. names];
        _groups = [.. groups];
        PackageOf = new int[total];
        for (var p = 0; p < PackageCount; p++)
        {
            PackageOf.AsSpan(FirstVersion[p], FirstVersion[p + 1] - FirstVersion[p]).Fill(p);
        }

        ByEcosystem = Ecosystems.All.Select(e => Enumerable.Range(0, PackageCount).Where(p => EcosystemOf[p] == e).ToArray()).ToArray();
        LocalRank = new int[PackageCount];
        foreach (var packages in ByEcosystem)
        {
            for (var r = 0; r < packages.Length; r++)
            {
                LocalRank[packages[r]] = r;
            }
        }

        EcosystemZipf = ByEcosystem.Select(p => new ZipfTable(Math.Max(1, p.Length), 1.1)).ToArray();
        _versionZipf = Enumerable.Range(0, 9).Select(n => new ZipfTable(Math.Max(1, n), 1.6)).ToArray();
        (DepOffsets, Deps) = BuildDependencies(seed);
        _purls = new string?[total];
        _hashes = new string?[total];
    }

    public int Seed { get; }

    public int PackageCount => EcosystemOf.Length;

    public int VersionCount => PackageOf.Length;

    public Ecosystem[] EcosystemOf { get; }

    /// <summary>Package p's versions are FirstVersion[p]..FirstVersion[p+1]-1.</summary>
    public int[] FirstVersion { get; }

    public int[] PackageOf { get; }

    /// <summary>Package ids of each ecosystem in popularity order.</summary>
    public int[][] ByEcosystem { get; }

    public int[] LocalRank { get; }

    public ZipfTable[] EcosystemZipf { get; }

    public int[] DepOffsets { get; }

    public int[] Deps { get; }

    public ReadOnlySpan<int> DependenciesOf(int version) => Deps.AsSpan(DepOffsets[version], DepOffsets[version + 1] - DepOffsets[version]);

    /// <summary>A version of the package, the first (newest) most often.</summary>
    public int PickVersion(int package, ref Rng rng)
    {
        var count = FirstVersion[package + 1] - FirstVersion[package];
        return FirstVersion[package] + (count == 1 ? 0 : _versionZipf[count].Sample(ref rng));
    }

    public int PickPackage(Ecosystem ecosystem, ref Rng rng) => ByEcosystem[(int)ecosystem][EcosystemZipf[(int)ecosystem].Sample(ref rng)];

    public string Name(int package) => _names[package];

    /// <summary>CycloneDX <c>group</c>: a Maven groupId or an npm scope.</summary>
    public string? Group(int package) => _groups[package];

    public string DisplayName(int package) => _groups[package] is { } g ? g + "/" + _names[package] : _names[package];

    public string License(int version) => Licenses[(int)(Rng.Mix((ulong)version ^ (ulong)Seed) % (ulong)Licenses.Length)];

    public string Version(int version)
    {
        var package = PackageOf[version];
        var h = Rng.Mix(((ulong)(uint)Seed << 32) | (uint)package);
        var major = (int)(h % 7);
        var minor = (int)(h >> 8 & 31);
        var age = version - FirstVersion[package];
        var count = FirstVersion[package + 1] - FirstVersion[package];
        var core = $"{major}.{minor + count - age}.{(int)(h >> 16 & 15) + age}";
        return EcosystemOf[package] switch
        {
            Ecosystem.Deb => $"{core}-{1 + (int)(h >> 24 & 3)}",
            Ecosystem.Apk => $"{core}-r{(int)(h >> 24 & 7)}",
            _ => core,
        };
    }

    /// <summary>The purl as an SBOM tool writes it (canonical already; the reader normalizes anyway).</summary>
    public string Purl(int version) => _purls[version] ??= BuildPurl(version);

    /// <summary>SHA-256 of the package's content: a stable fake, 64 lower-case hex digits.</summary>
    public string Sha256(int version)
    {
        if (_hashes[version] is { } cached)
        {
            return cached;
        }

        Span<byte> input = stackalloc byte[12];
        BitConverter.TryWriteBytes(input, Seed);
        BitConverter.TryWriteBytes(input[4..], (long)version);
        return _hashes[version] = Convert.ToHexStringLower(SHA256.HashData(input));
    }

    public static string Digest(int seed, string what, int index) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{what}:{index}")));

    private string BuildPurl(int version)
    {
        var package = PackageOf[version];
        var name = _names[package];
        var v = Version(version);
        return EcosystemOf[package] switch
        {
            Ecosystem.Npm => _groups[package] is { } scope ? $"pkg:npm/%40{scope[1..]}/{name}@{v}" : $"pkg:npm/{name}@{v}",
            Ecosystem.PyPI => $"pkg:pypi/{name}@{v}",
            Ecosystem.Maven => $"pkg:maven/{_groups[package]}/{name}@{v}",
            Ecosystem.Deb => $"pkg:deb/debian/{name}@{v}?arch=amd64&distro=debian-12",
            _ => $"pkg:apk/alpine/{name}@{v}?arch=x86_64&distro=alpine-3.20",
        };
    }

    /// <summary>Versions per package: mostly one to three, a tail up to eight (mean 2.9).</summary>
    private static int VersionsPerPackage(int bucket) => bucket switch
    {
        < 3 => 1,
        < 5 => 2,
        < 7 => 3,
        7 => 4,
        8 => 6,
        _ => 8,
    };

    private static (string? Group, string Name) Name(ref Rng rng, Ecosystem ecosystem, int id, HashSet<string> taken)
    {
        var word = Word(ref rng);
        var name = taken.Add(ecosystem + word) ? word : $"{word}-{id}";
        taken.Add(ecosystem + name);
        string? group = ecosystem switch
        {
            Ecosystem.Maven => (rng.Next(3) switch { 0 => "org.", 1 => "com.", _ => "io." }) + Word(ref rng),
            Ecosystem.Npm when rng.NextDouble() < 0.1 => "@" + Word(ref rng),
            _ => null,
        };
        return (group, name);
    }

    private static string Word(ref Rng rng)
    {
        var builder = new StringBuilder();
        var syllables = 2 + rng.Next(3);
        for (var i = 0; i < syllables; i++)
        {
            builder.Append(Syllables[rng.Next(Syllables.Length)]);
        }

        return builder.ToString();
    }

    private (int[] Offsets, int[] Targets) BuildDependencies(int seed)
    {
        var offsets = new int[VersionCount + 1];
        var targets = new List<int>(VersionCount * 3);
        var picked = new List<int>(8);
        for (var v = 0; v < VersionCount; v++)
        {
            var rng = Rng.For(seed, 1, v);
            var package = PackageOf[v];
            var ecosystem = (int)EcosystemOf[package];
            var rank = LocalRank[package];
            var members = ByEcosystem[ecosystem];

            // Binomial(6, 1/2): mean 3, 0..6.
            var count = 0;
            for (var i = 0; i < 6; i++)
            {
                count += rng.NextDouble() < 0.5 ? 1 : 0;
            }

            picked.Clear();
            for (var i = 0; i < count; i++)
            {
                var cycle = rng.NextDouble() < CycleShare;
                if (rank == 0 && !cycle)
                {
                    break;
                }

                var target = members[EcosystemZipf[ecosystem].Sample(ref rng, cycle ? members.Length : rank)];
                var targetVersion = PickVersion(target, ref rng);
                if (target != package && !picked.Contains(targetVersion))
                {
                    picked.Add(targetVersion);
                }
            }

            targets.AddRange(picked);
            offsets[v + 1] = targets.Count;
        }

        return (offsets, [.. targets]);
    }
}
