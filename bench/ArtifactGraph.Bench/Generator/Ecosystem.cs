namespace ArtifactGraph.Bench.Generator;

internal enum Ecosystem : byte
{
    Npm,
    PyPI,
    Maven,
    Deb,
    Apk,
}

internal static class Ecosystems
{
    public static readonly Ecosystem[] All = Enum.GetValues<Ecosystem>();

    /// <summary>Language ecosystems an application layer is built from.</summary>
    public static readonly Ecosystem[] Languages = [Ecosystem.Npm, Ecosystem.PyPI, Ecosystem.Maven];

    /// <summary>Share of the package universe per ecosystem (npm is the largest registry by far).</summary>
    public static Ecosystem Pick(double u) => u switch
    {
        < 0.40 => Ecosystem.Npm,
        < 0.60 => Ecosystem.PyPI,
        < 0.80 => Ecosystem.Maven,
        < 0.92 => Ecosystem.Deb,
        _ => Ecosystem.Apk,
    };

    public static bool IsOs(this Ecosystem ecosystem) => ecosystem is Ecosystem.Deb or Ecosystem.Apk;
}
