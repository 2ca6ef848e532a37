namespace Daarion.Silo.Runtime;

/// <summary>A growable ring buffer: FIFO for the mailbox, with push-front for calls that must bypass the queue.</summary>
internal sealed class Deque<T>
{
    private T[] _items = new T[4];
    private int _head;

    public int Count { get; private set; }

    public void PushBack(T item)
    {
        if (Count == _items.Length) Grow();
        _items[(_head + Count) % _items.Length] = item;
        Count++;
    }

    public void PushFront(T item)
    {
        if (Count == _items.Length) Grow();
        _head = (_head - 1 + _items.Length) % _items.Length;
        _items[_head] = item;
        Count++;
    }

    public T PeekFront() => Count > 0 ? _items[_head] : throw new InvalidOperationException("The queue is empty.");

    public T PopFront()
    {
        var item = PeekFront();
        _items[_head] = default!;
        _head = (_head + 1) % _items.Length;
        Count--;
        return item;
    }

    public List<T> DrainAll()
    {
        var all = new List<T>(Count);
        while (Count > 0) all.Add(PopFront());
        return all;
    }

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        for (var i = 0; i < Count; i++) bigger[i] = _items[(_head + i) % _items.Length];
        _items = bigger;
        _head = 0;
    }
}
