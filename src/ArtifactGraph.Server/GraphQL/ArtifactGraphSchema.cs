using ArtifactGraph.Server.GraphQL.Queries;
using ArtifactGraph.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace ArtifactGraph.Server.GraphQL;

/// <summary>
/// The API's schema, code-first; its printed form is graph-schema/schema.graphql (approved by a test).
/// Later query families (blast radius, advisories, VEX, provenance, images) add one Queries/*.cs each.
/// </summary>
internal sealed class ArtifactGraphSchema : Schema
{
    public ArtifactGraphSchema()
    {
        var query = new ObjectGraphType { Name = "Query", Description = "Reads; every field answers from one index snapshot per request." };
        NodeQueries.Add(query);
        ClosureQueries.Add(query);
        BlastRadiusQueries.Add(query);
        ProvenanceQueries.Add(query);
        RiskQueries.Add(query);
        ImageQueries.Add(query);
        PathQueries.Add(query);
        SearchQueries.Add(query);
        DocumentQueries.Add(query);
        StatsQueries.Add(query);
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation", Description = "Writes; each needs the ingester role or above." };
        IngestMutations.Add(mutation);
        Mutation = mutation;

        // Node types reached only through the Node interface must be registered to be resolvable.
        this.RegisterType<PackageVersionType>();
        this.RegisterType<PackageType>();
        this.RegisterType<ArtifactType>();
        this.RegisterType<ImageType>();
        this.RegisterType<DeploymentType>();
        this.RegisterType<SourceType>();
        this.RegisterType<BuilderType>();
        this.RegisterType<VulnerabilityType>();
        this.RegisterType<DocumentType>();
        this.RegisterType<ScorecardType>();
        this.RegisterType<LicenseType>();
    }
}
