namespace ArtifactGraph.Bench.Generator;

/// <summary>
/// Decides what each image holds, deterministically from (seed, image index):
/// a base image (Zipf over a few shared ones) with all its OS packages, each of the top-100 packages with
/// probability 0.97, then application packages from one language ecosystem (Zipf) with their dependency
/// closure, until a lognormal size is reached (median ~430 application components, so ~1,000 in all on
/// average).
/// </summary>
internal sealed class ImagePlanner
{
    private const double CoreInclusion = 0.97;
    private const double AppMedian = 430;
    private const double AppSigma = 0.9;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Universe _universe;
    private readonly int _seed;
    private readonly ZipfTable _baseZipf;
    private readonly Queue<int> _queue = new();

    public ImagePlanner(Universe universe, int baseImages)
    {
        _universe = universe;
        _seed = universe.Seed;
        Bases = Enumerable.Range(0, baseImages).Select(PlanBase).ToList();
        _baseZipf = new ZipfTable(baseImages, 1.0);
    }

    public IReadOnlyList<ImagePlan> Bases { get; }

    public ImagePlan PlanImage(int index, int? exactComponents = null)
    {
        var rng = Rng.For(_seed, 3, index);
        var plan = NewPlan($"image-{index:D6}.cdx.json", ImageName(index), Universe.Digest(_seed, "image", index), Bases[_baseZipf.Sample(ref rng)], index);

        // The subject lists the base image (a container component) and, flat, every package of it.
        var limit = exactComponents is { } exact ? exact - 2 : int.MaxValue;
        foreach (var version in plan.Base!.Components)
        {
            if (plan.Components.Count < limit)
            {
                Add(plan, version);
            }
        }

        for (var p = 0; p < Math.Min(Universe.CorePackages, _universe.PackageCount); p++)
        {
            if (rng.NextDouble() < CoreInclusion && plan.Components.Count < limit)
            {
                AddClosure(plan, _universe.PickVersion(p, ref rng), limit);
            }
        }

        var app = exactComponents is null
            ? (int)Math.Clamp(Math.Round(AppMedian * Math.Exp(AppSigma * rng.NextGaussian())), 10, 12_000)
            : limit - plan.Components.Count;
        var target = plan.Components.Count + app;
        var hardLimit = exactComponents is null ? target + (app / 4) : limit;
        var ecosystem = Ecosystems.Languages[rng.Next(Ecosystems.Languages.Length)];
        var wantedRoots = 3 + rng.Next(10);
        for (var attempts = 0; plan.Components.Count < target && attempts < app * 30; attempts++)
        {
            var from = rng.NextDouble() < 0.9 ? ecosystem : Ecosystems.Languages[rng.Next(Ecosystems.Languages.Length)];
            var version = _universe.PickVersion(_universe.PickPackage(from, ref rng), ref rng);
            if (plan.Present.Contains(version))
            {
                continue;
            }

            if (plan.Roots.Count < wantedRoots)
            {
                plan.Roots.Add(version);
            }

            AddClosure(plan, version, hardLimit);
        }

        return plan;
    }

    private ImagePlan PlanBase(int index)
    {
        var rng = Rng.For(_seed, 2, index);
        var ecosystem = rng.NextDouble() < 0.6 ? Ecosystem.Deb : Ecosystem.Apk;
        var name = ecosystem == Ecosystem.Deb ? $"docker.io/library/debian:12.{index}-slim" : $"docker.io/library/alpine:3.20.{index}";
        var plan = NewPlan($"base-{index:D3}.cdx.json", name, Universe.Digest(_seed, "base", index), null, -1 - index);
        var size = ecosystem == Ecosystem.Deb ? 80 + rng.Next(170) : 15 + rng.Next(45);
        size = Math.Min(size, _universe.ByEcosystem[(int)ecosystem].Length);
        for (var attempts = 0; plan.Components.Count < size && attempts < size * 30; attempts++)
        {
            var version = _universe.PickVersion(_universe.PickPackage(ecosystem, ref rng), ref rng);
            if (!plan.Present.Contains(version))
            {
                if (plan.Roots.Count < 5)
                {
                    plan.Roots.Add(version);
                }

                AddClosure(plan, version, int.MaxValue);
            }
        }

        return plan;
    }

    private ImagePlan NewPlan(string fileName, string name, string digest, ImagePlan? baseImage, int index) => new()
    {
        FileName = fileName,
        Name = name,
        Digest = digest,
        Base = baseImage,
        Components = [],
        Present = [],
        Roots = [],
        Timestamp = Epoch.AddMinutes(index + 1_000),
        SerialNumber = SerialNumber(index),
    };

    private string SerialNumber(int index)
    {
        var hex = Universe.Digest(_seed, "serial", index)["sha256:".Length..];
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-8{hex[17..20]}-{hex[20..32]}";
    }

    /// <summary>The image's tagged reference; the deployment inventories run it by this name and its digest.</summary>
    public static string ImageName(int index) => $"registry.example.com/{TeamOf(index)}/service-{index}:1.{index % 17}.{index % 5}";

    /// <summary>The team that builds image <paramref name="index"/> (its registry path and its deployments' namespace).</summary>
    public static string TeamOf(int index)
    {
        string[] teams = ["payments", "search", "platform", "data", "web", "ml", "identity", "ops"];
        return teams[index % teams.Length];
    }

    private static void Add(ImagePlan plan, int version)
    {
        if (plan.Present.Add(version))
        {
            plan.Components.Add(version);
        }
    }

    /// <summary>Adds a version and, breadth-first, what it depends on, while under the limit.</summary>
    private void AddClosure(ImagePlan plan, int version, int limit)
    {
        _queue.Clear();
        _queue.Enqueue(version);
        while (_queue.Count > 0 && plan.Components.Count < limit)
        {
            var next = _queue.Dequeue();
            if (!plan.Present.Add(next))
            {
                continue;
            }

            plan.Components.Add(next);
            foreach (var dep in _universe.DependenciesOf(next))
            {
                if (!plan.Present.Contains(dep))
                {
                    _queue.Enqueue(dep);
                }
            }
        }
    }
}
