using ArtifactGraph.Ingest.Trust;

namespace ArtifactGraph.Cli.CommandLine;

/// <summary><c>ingest --trust FILE</c>: the trust configuration signatures are verified against.</summary>
internal static class TrustOption
{
    public const string Option = "--trust";

    public static TrustStore Load(CommandArgs args)
    {
        var path = args.Value(Option);
        if (path is null)
        {
            return TrustStore.Empty;
        }

        try
        {
            return TrustConfiguration.Load(path);
        }
        catch (TrustConfigurationException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
