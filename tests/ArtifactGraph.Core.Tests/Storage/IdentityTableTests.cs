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
    public void Set_KeyZero_IsNotStoredAndNotFound()
    {
        // Zero marks an empty slot: storing it would make every empty slot look like its entry.
        var table = new IdentityTable<long>(10);

        Assert.False(table.Set(UInt128.Zero, 1));
        Assert.True(Unsafe.IsNullRef(ref table.Find(UInt128.Zero)));
        Assert.Equal(0, table.Count);
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
    public void Clear_AfterAFewEntriesInALargeTable_StillFindsNothingAndTakesNewOnes()
    {
        // Grown by many entries, then refilled with few and cleared: the table is made small again.
        var table = new IdentityTable<long>(100_000);
        for (var i = 1; i <= 50_000; i++)
        {
            table.Set(Key(i), i);
        }

        table.Clear();
        Assert.True(table.Capacity >= 100_000); // well used: kept
        table.Set(Key(1), 1);
        table.Clear();

        Assert.Equal(1024, table.Capacity);
        Assert.True(Unsafe.IsNullRef(ref table.Find(Key(1))));
        Assert.True(Unsafe.IsNullRef(ref table.Find(Key(2))));
        for (var i = 1; i <= 3_000; i++)
        {
            table.Set(Key(i), -i);
        }

        Assert.Equal(-3_000, table.Find(Key(3_000)));
        Assert.Equal(3_000, table.Count);
    }

    private static UInt128 Key(int i) => new((ulong)i * 0x9E3779B97F4A7C15, (ulong)i);
}
