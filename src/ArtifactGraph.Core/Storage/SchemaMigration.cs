using System.Globalization;
using System.Reflection;

namespace ArtifactGraph.Core.Storage;

/// <summary>
/// One schema script a store embeds, <c>NNN_name.sql</c>; NNN is its version. The SQL is the store's own dialect;
/// what is shared is how scripts are found, ordered and checked, and the rule that a database written by a newer
/// build is refused. Applying them (transactions, locks, recording) stays in each store's runner.
/// </summary>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    /// <summary>
    /// The <c>.sql</c> resources of <paramref name="assembly"/> whose names start with <paramref name="resourcePrefix"/>
    /// (the store's namespace and folder, ending in '.'), in file-name order.
    /// </summary>
    /// <exception cref="InvalidOperationException">A script's name has no leading version, or two share one.</exception>
    public static IReadOnlyList<SchemaMigration> LoadEmbedded(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n, n[resourcePrefix.Length..]))
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two embedded migrations share version {duplicate.Key}.");
        }

        return migrations;
    }

    /// <summary>Refuses a database whose newest applied version is beyond <paramref name="known"/>'s newest.</summary>
    /// <remarks>A database written by a newer build may hold tables this build would misread.</remarks>
    /// <exception cref="InvalidOperationException">The database is newer than this build.</exception>
    public static void RejectNewerSchema(IReadOnlyList<SchemaMigration> known, long newestApplied)
    {
        ArgumentNullException.ThrowIfNull(known);
        var newestKnown = known.Count == 0 ? 0 : known.Max(m => m.Version);
        if (newestApplied > newestKnown)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {newestApplied}, newer than this build's {newestKnown}; upgrade ArtifactGraph.");
        }
    }

    private static SchemaMigration Read(Assembly assembly, string resourceName, string fileName)
    {
        var digits = fileName.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0)
        {
            throw new InvalidOperationException($"Migration '{fileName}' does not start with a version number.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        var version = int.Parse(fileName.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        return new SchemaMigration(version, fileName, reader.ReadToEnd());
    }
}
