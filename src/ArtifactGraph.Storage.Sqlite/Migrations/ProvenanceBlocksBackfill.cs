using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Migrations;

/// <summary>
/// Migration 008's code step: the pairs already merged into <c>edge_documents</c> / <c>node_documents</c> become
/// segment 1 of the block indexes, read in key order (one block held at a time), and the old tables are dropped.
/// </summary>
internal static class ProvenanceBlocksBackfill
{
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        const long segment = 1;
        long pairs;
        using (var edges = new BlockWriter(connection, PostingBlock.EdgeTable))
        using (var nodes = new BlockWriter(connection, PostingBlock.NodeTable))
        using (var edgePairs = new PairStream(connection, transaction, "SELECT edge_id, document_id FROM edge_documents ORDER BY edge_id, document_id;"))
        using (var nodePairs = new PairStream(connection, transaction, "SELECT node_id, document_id FROM node_documents ORDER BY node_id, document_id;"))
        {
            pairs = edges.Write(edgePairs, segment) + nodes.Write(nodePairs, segment);
        }

        if (pairs > 0)
        {
            using var through = connection.CreateCommand();
            through.Transaction = transaction;
            through.CommandText = "SELECT merged_through FROM provenance_merge WHERE id = 1;";
            Segments.Add(connection, transaction, segment, (long)through.ExecuteScalar()!, pairs);
        }

        using var drop = connection.CreateCommand();
        drop.Transaction = transaction;
        drop.CommandText = "DROP TABLE edge_documents; DROP TABLE node_documents;";
        drop.ExecuteNonQuery();
    }
}
