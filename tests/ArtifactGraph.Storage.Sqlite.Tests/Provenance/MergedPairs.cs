using ArtifactGraph.Storage.Sqlite.Provenance;
using Microsoft.Data.Sqlite;

namespace ArtifactGraph.Storage.Sqlite.Tests.Provenance;

/// <summary>Every (row, document) pair a block index holds, decoded from its blocks, in (row, document) order.</summary>
internal static class MergedPairs
{
    public static List<(long Row, long Document)> Of(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT key, postings FROM {table};";
        using var reader = command.ExecuteReader();
        var pairs = new List<(long, long)>();
        while (reader.Read())
        {
            var block = PostingBlock.BlockOfKey(reader.GetInt64(0));
            var postings = new PostingBlock.Reader(reader.GetFieldValue<byte[]>(1), block);
            while (postings.TryNextRow(out var row, out var count))
            {
                for (var i = 0; i < count; i++)
                {
                    pairs.Add((row, postings.NextDocument()));
                }
            }
        }

        pairs.Sort();
        return pairs;
    }

    public static List<(long Row, long Document)> Of(string path, string table)
    {
        using var connection = TempDatabase.Connect(path);
        return Of(connection, table);
    }
}
