using System.Runtime.CompilerServices;
using ArtifactGraph.Core.Storage;

namespace ArtifactGraph.Core.Tests.Storage;

public sealed class IdentityTableTests
{
    [Fact]
    public void Find_KeysSharingTheirLowBits_EachFindsItsOwnRow()
    {
        // The probe starts from the low bits: these all start at the same slot and must be told apart by the rest.
        var table = new IdentityTable<long>(1_000);
        for (var i = 1; i <= 100; i++)
        {
            Assert.True(table.Set(new UInt128((ulong)i, 0), i));
        }

        for (var i = 1; i <= 100; i++)
        {
            Assert.Equal(i, table.Find(new UInt128((ulong)i, 0)));
        }

        Assert.True(Unsafe.IsNullRef(ref table.Find(new UInt128(101, 0))));
        Assert.Equal(100, table.Count);
    }

    [Fact]
    public void Set_PastTheFirstSize_GrowsAndKeepsEveryEntry()
    {
        var table = new IdentityTable<long>(10_000);
        for (var i = 1; i <= 5_000; i++)
        {
            table.Set(Key(i), i);
        }

        for (var i = 1; i <= 5_000; i++)
        {
            Assert.Equal(i, table.Find(Key(i)));
        }

        Assert.Equal(5_000, table.Count);
    }

    [Fact]
    public void Set_KnownKey_UpdatesWithoutCounting()
    {
        var table = new IdentityTable<long>(10);
        table.Set(Key(1), 1);
        table.Set(Key(1), 2);

        Assert.Equal(2, table.Find(Key(1)));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Set_AtItsLimit_RefusesNewKeysButUpdatesKnownOnes()
    {
        var table = new IdentityTable<long>(2);
        Assert.True(table.Set(Key(1), 1));
        Assert.True(table.Set(Key(2), 2));

        Assert.False(table.Set(Key(3), 3));
        Assert.True(table.Set(Key(1), 10));
        Assert.Equal(10, table.Find(Key(1)));
        Assert.True(Unsafe.IsNullRef(ref table.Find(Key(3))));
    }

    [Fact]
    public void Set_KeyZero_KeptBesideTheSlotsAndClearedWithThem()
    {
        // Zero marks an empty slot, so its row lives apart: found, counted and listed, and no empty slot looks like it.
        var table = new IdentityTable<long>(10);

        Assert.True(table.Set(UInt128.Zero, 7));
        Assert.True(table.Set(Key(1), 1));

        Assert.Equal(7, table.Find(UInt128.Zero));
        Assert.True(Unsafe.IsNullRef(ref table.Find(Key(2))));
        Assert.Equal(2, table.Count);
        Assert.Contains((UInt128.Zero, 7L), table.Entries);
        table.Clear();
        Assert.True(Unsafe.IsNullRef(ref table.Find(UInt128.Zero)));
        Assert.Empty(table.Entries);
    }

    [Fact]
    public void Clear_AfterSets_FindsNothing()
    {
        var table = new IdentityTable<long>(10);
        table.Set(Key(1), 1);
        table.Prefetch(Key(1));

        table.Clear();

        Assert.True(Unsafe.IsNullRef(ref table.Find(Key(1))));
        Assert.Empty(table.Entries);
    }

    [Fact]
    public void Clear_AfterManySmallFillsOfALargeTable_MakesItSmallAndStillFindsNothing()
    {
        // Grown by many entries, then refilled with few: kept while the large fill is recent, made small once it is not.
        var table = new IdentityTable<long>(100_000);
        Fill(table, 50_000);
        table.Clear();
        var grown = table.Capacity;
        Assert.True(grown >= 100_000);
        for (var i = 0; i < 5; i++)
        {
            Fill(table, 1);
            table.Clear();
        }

        Assert.Equal(grown, table.Capacity);
        for (var i = 0; i < 100; i++)
        {
            Fill(table, 1);
            table.Clear();
        }

        Assert.InRange(table.Capacity, 1024, 4 * 1024); // made small, within the 4x it may keep
        Assert.True(Unsafe.IsNullRef(ref table.Find(Key(1))));
        Fill(table, 3_000);
        Assert.Equal(3_000, table.Find(Key(3_000)));
        Assert.Equal(3_000, table.Count);
    }

    [Fact]
    public void Clear_BetweenFillsOfVaryingSize_KeepsTheTableItsPeakNeeds()
    {
        // Documents of varying size, one after another: the table is neither shrunk nor grown again for each.
        var table = new IdentityTable<long>(100_000);
        Fill(table, 3_000);
        table.Clear();
        var capacity = table.Capacity;
        for (var i = 0; i < 20; i++)
        {
            Fill(table, i % 2 == 0 ? 200 : 3_000);
            Assert.Equal(i % 2 == 0 ? 200 : -3_000, i % 2 == 0 ? table.Find(Key(200)) : -table.Find(Key(3_000)));
            table.Clear();
            Assert.Equal(capacity, table.Capacity);
        }
    }

    private static void Fill(IdentityTable<long> table, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            table.Set(Key(i), i);
        }
    }

    private static UInt128 Key(int i) => new((ulong)i * 0x9E3779B97F4A7C15, (ulong)i);
}
