using System.Runtime.InteropServices;
using ArtifactGraph.Core.Sorting;

namespace ArtifactGraph.Storage.Sqlite.Provenance;

/// <summary>
/// The (row id, document id) pairs of several staged documents, in (row, document) order: the order the
/// provenance blocks are written in (<see cref="BlockWriter"/>). Each document's list is already sorted, so the pairs
/// are taken a window of rows at a time: every list gives the ids it has in the window (the lists stay as stored, about
/// a byte an id), each id packed with its list's place in document order, and the window is sorted. Rows dense enough
/// are sorted by counting (two passes); sparse ones by radix (a few passes, whatever the window's width). Memory is the
/// lists plus one window: about <see cref="DefaultWindowPairs"/> pairs of 16 bytes, never more than four times that
/// unless one row alone has more. A lone document (a very large SBOM merges alone) is read straight through.
/// <para>
/// Until stop 28 this was a min-heap of one cursor per document: log2(documents) sift steps a pair with mispredicted
/// branches, ~5% of the committing thread in a tier M bulk load, whose last merges join some 7,000 documents' lists.
/// </para>
/// </summary>
internal sealed class SortedPairs : IPairSource
{
    /// <summary>About how many pairs a window holds: the width of the next window follows the density of the last.</summary>
    internal const int DefaultWindowPairs = 1 << 17;

    /// <summary>The widest window, in rows: a row's offset in the window is packed into the high 32 bits of a pair.</summary>
    private const long MaxWindowRows = int.MaxValue;

    /// <summary>The first window's widest; a window grows at most eightfold on the next.</summary>
    private const int FirstWindowRows = 4096;

    /// <summary>A window gathering more than this many times its share starts again at half the width.</summary>
    private const int OverflowFactor = 4;

    /// <summary>Rows of a window per pair up to which counting sorts it (a counter a row, cleared and summed).</summary>
    private const int CountedRowsPerPair = 4;

    /// <summary>A list's current id once it is exhausted: never inside a window.</summary>
    private const long Exhausted = long.MaxValue;

    private readonly Cursor[] _cursors;
    private readonly int _windowPairs;
    private ulong[] _gathered;
    private ulong[] _counted;
    private ulong[] _window;
    private int[] _counters = [];
    private long _width;
    private long _low;
    private long _nextLow = Exhausted;
    private int _count;
    private int _next;

    public SortedPairs(IReadOnlyList<StagedList> lists, int windowPairs = DefaultWindowPairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowPairs, 1);
        _windowPairs = windowPairs;

        // In document order: a pair's low bits are its list's place, so two documents listing one row sort in that order.
        _cursors = [.. lists.OrderBy(l => l.DocumentId).Select(l => new Cursor { Ids = l.Ids, DocumentId = l.DocumentId })];
        for (var i = 0; i < _cursors.Length; i++)
        {
            ref var cursor = ref _cursors[i];
            if (!RowIdList.TryRead(cursor.Ids, ref cursor.Position, ref cursor.Current))
            {
                cursor.Current = Exhausted;
            }

            _nextLow = Math.Min(_nextLow, cursor.Current);
        }

        // As if every document listed every row: the first window cannot overflow, and the next ones widen fast.
        _width = Math.Clamp(windowPairs / Math.Max(_cursors.Length, 1), 1, FirstWindowRows);
        _gathered = _cursors.Length == 1 ? [] : new ulong[Math.Min(windowPairs, 4096)];
        _counted = [];
        _window = _gathered;
    }

    /// <summary>The most pairs one window has held so far (what the window's buffers are sized by).</summary>
    internal int LargestWindow { get; private set; }

    /// <summary>The next pair, or false once every list is exhausted.</summary>
    public bool TryNext(out long rowId, out long documentId)
    {
        if (_cursors.Length == 1)
        {
            return TryNextOfLone(out rowId, out documentId);
        }

        while (_next == _count)
        {
            if (!TrySortWindow())
            {
                rowId = documentId = 0;
                return false;
            }
        }

        var pair = _window[_next++];
        rowId = _low + (long)(pair >> 32);
        documentId = _cursors[(int)(uint)pair].DocumentId;
        return true;
    }

    private bool TryNextOfLone(out long rowId, out long documentId)
    {
        ref var cursor = ref _cursors[0];
        (rowId, documentId) = (cursor.Current, cursor.DocumentId);
        if (cursor.Current == Exhausted)
        {
            rowId = documentId = 0;
            return false;
        }

        if (!RowIdList.TryRead(cursor.Ids, ref cursor.Position, ref cursor.Current))
        {
            cursor.Current = Exhausted;
        }

        return true;
    }

    /// <summary>Gathers every list's ids in the next window of rows and sorts them; false once none are left.</summary>
    private bool TrySortWindow()
    {
        if (_nextLow == Exhausted)
        {
            return false;
        }

        _low = _nextLow;
        int width;
        while (!TryGather(width = (int)Math.Min(_width, Exhausted - _low)))
        {
            _width = Math.Max(1, _width / 2);
        }

        var gathered = _gathered.AsSpan(0, _count);
        if (width <= (long)CountedRowsPerPair * _count)
        {
            _window = SortByCounting(gathered, width);
        }
        else
        {
            RadixSort.Sort(MemoryMarshal.Cast<ulong, long>(gathered));
            _window = _gathered;
        }

        _next = 0;
        LargestWindow = Math.Max(LargestWindow, _count);
        _width = Math.Clamp(_width * _windowPairs / _count, 1, Math.Min(MaxWindowRows, _width * 8));
        return true;
    }

    /// <summary>
    /// Every list's ids from <see cref="_low"/> on, <paramref name="width"/> rows; false, with every list back where it
    /// was, when that is more than <see cref="OverflowFactor"/> times the window's share (rows much denser than the last
    /// window's) and the window can still narrow.
    /// </summary>
    private bool TryGather(int width)
    {
        var high = _low + width;
        var limit = width > 1 ? OverflowFactor * _windowPairs : int.MaxValue;
        _count = 0;
        _nextLow = Exhausted;
        for (var i = 0; i < _cursors.Length; i++)
        {
            ref var cursor = ref _cursors[i];
            (cursor.StartPosition, cursor.StartCurrent) = (cursor.Position, cursor.Current);
            while (cursor.Current < high)
            {
                if (_count == limit)
                {
                    for (var j = 0; j <= i; j++)
                    {
                        (_cursors[j].Position, _cursors[j].Current) = (_cursors[j].StartPosition, _cursors[j].StartCurrent);
                    }

                    return false;
                }

                if (_count == _gathered.Length)
                {
                    Array.Resize(ref _gathered, _gathered.Length * 2);
                }

                _gathered[_count++] = ((ulong)(cursor.Current - _low) << 32) | (uint)i;
                if (!RowIdList.TryRead(cursor.Ids, ref cursor.Position, ref cursor.Current))
                {
                    cursor.Current = Exhausted;
                }
            }

            _nextLow = Math.Min(_nextLow, cursor.Current);
        }

        return true;
    }

    /// <summary>The pairs by row, each row's in the order gathered (document order): where each row starts, then each pair put there.</summary>
    private ulong[] SortByCounting(ReadOnlySpan<ulong> gathered, int width)
    {
        if (_counters.Length < width)
        {
            _counters = new int[Math.Max(width, _counters.Length * 2)];
        }

        if (_counted.Length < gathered.Length)
        {
            _counted = new ulong[_gathered.Length];
        }

        var counters = _counters.AsSpan(0, width);
        counters.Clear();
        foreach (var pair in gathered)
        {
            counters[(int)(pair >> 32)]++;
        }

        var running = 0;
        foreach (ref var counter in counters)
        {
            (counter, running) = (running, running + counter);
        }

        foreach (var pair in gathered)
        {
            _counted[counters[(int)(pair >> 32)]++] = pair;
        }

        return _counted;
    }

    /// <summary>One document's list, read up to <see cref="Current"/>, the next id to give (not yet in a window).</summary>
    private struct Cursor
    {
        public byte[] Ids;
        public int Position;
        public long Current;
        public long DocumentId;

        // Where the window under way started, to start it again narrower.
        public int StartPosition;
        public long StartCurrent;
    }
}
