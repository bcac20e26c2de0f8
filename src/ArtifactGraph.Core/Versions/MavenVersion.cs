namespace ArtifactGraph.Core.Versions;

/// <summary>The item tree of Maven's ComparableVersion (maven-artifact), ported rule for rule.</summary>
internal static class MavenVersion
{
    private static readonly string[] Qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];

    /// <summary>Index of "" (the release) among <see cref="Qualifiers"/>.</summary>
    private const string ReleaseIndex = "5";

    public static ListItem Parse(string text)
    {
        var version = text.Trim().ToLowerInvariant();
        var items = new ListItem();
        var list = items;
        var stack = new Stack<ListItem>();
        stack.Push(list);
        var isDigit = false;
        var start = 0;
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c == '.')
            {
                list.Add(i == start ? IntItem.Zero : ParseItem(isDigit, version[start..i]));
                start = i + 1;
            }
            else if (c == '-')
            {
                list.Add(i == start ? IntItem.Zero : ParseItem(isDigit, version[start..i]));
                start = i + 1;
                list.Add(list = new ListItem());
                stack.Push(list);
            }
            else if (VersionText.IsDigit(c))
            {
                if (!isDigit && i > start)
                {
                    list.Add(new StringItem(version[start..i], followedByDigit: true));
                    start = i;
                    list.Add(list = new ListItem());
                    stack.Push(list);
                }

                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    list.Add(ParseItem(true, version[start..i]));
                    start = i;
                    list.Add(list = new ListItem());
                    stack.Push(list);
                }

                isDigit = false;
            }
        }

        if (version.Length > start)
        {
            list.Add(ParseItem(isDigit, version[start..]));
        }

        while (stack.Count > 0)
        {
            stack.Pop().Normalize();
        }

        return items;
    }

    private static Item ParseItem(bool isDigit, string buf) => isDigit ? new IntItem(buf) : new StringItem(buf, followedByDigit: false);

    internal abstract class Item
    {
        public abstract bool IsNull { get; }

        /// <summary>Compares with another item; null stands for "no item here" (the shorter version's padding).</summary>
        public abstract int CompareTo(Item? other);
    }

    internal sealed class IntItem(string digits) : Item
    {
        public static readonly IntItem Zero = new("0");

        private readonly string _digits = digits.TrimStart('0');

        public override bool IsNull => _digits.Length == 0;

        public override int CompareTo(Item? other) => other switch
        {
            null => IsNull ? 0 : 1,
            IntItem i => VersionText.CompareDigits(_digits, i._digits),
            _ => 1,
        };
    }

    internal sealed class StringItem : Item
    {
        private readonly string _comparable;

        public StringItem(string value, bool followedByDigit)
        {
            if (followedByDigit && value.Length == 1)
            {
                // a1 = alpha-1, b1 = beta-1, m1 = milestone-1
                value = value[0] switch { 'a' => "alpha", 'b' => "beta", 'm' => "milestone", _ => value };
            }

            value = value switch { "ga" or "final" or "release" => "", "cr" => "rc", _ => value };
            var index = Array.IndexOf(Qualifiers, value);
            _comparable = index >= 0 ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Qualifiers.Length}-{value}";
        }

        public override bool IsNull => _comparable == ReleaseIndex;

        public override int CompareTo(Item? other) => other switch
        {
            null => Math.Sign(string.CompareOrdinal(_comparable, ReleaseIndex)),
            IntItem => -1,
            StringItem s => Math.Sign(string.CompareOrdinal(_comparable, s._comparable)),
            _ => -1,
        };
    }

    internal sealed class ListItem : Item, IComparable<ListItem>
    {
        private readonly List<Item> _items = [];

        public override bool IsNull => _items.Count == 0;

        public void Add(Item item) => _items.Add(item);

        /// <summary>Drops trailing null items (0, "", empty lists) up to the last sub-list.</summary>
        public void Normalize()
        {
            for (var i = _items.Count - 1; i >= 0; i--)
            {
                var last = _items[i];
                if (last.IsNull)
                {
                    _items.RemoveAt(i);
                }
                else if (last is not ListItem)
                {
                    break;
                }
            }
        }

        public int CompareTo(ListItem? other) => CompareTo((Item?)other);

        public override int CompareTo(Item? other)
        {
            switch (other)
            {
                case null:
                    return _items.Count == 0 ? 0 : _items[0].CompareTo(null);
                case IntItem:
                    return -1;
                case StringItem:
                    return 1;
            }

            var right = ((ListItem)other)._items;
            for (var i = 0; i < Math.Max(_items.Count, right.Count); i++)
            {
                var l = i < _items.Count ? _items[i] : null;
                var r = i < right.Count ? right[i] : null;
                var result = l is null ? (r is null ? 0 : -r.CompareTo(null)) : l.CompareTo(r);
                if (result != 0)
                {
                    return result;
                }
            }

            return 0;
        }
    }
}
