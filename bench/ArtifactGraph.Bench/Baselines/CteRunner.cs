using System.Data.Common;
using System.Diagnostics;
using ArtifactGraph.Core.Graph;

namespace ArtifactGraph.Bench.Baselines;

/// <summary>Runs the reverse-closure CTE for one package key on an open connection; times it and counts images reached.</summary>
internal sealed class CteRunner(DbCommand command, DbParameter key)
{
    public (double Ms, int Images) Run(string packageKey)
    {
        var start = Stopwatch.GetTimestamp();
        key.Value = packageKey;
        var images = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                images += Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == (int)NodeKind.Image ? 1 : 0;
            }
        }

        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, images);
    }
}
