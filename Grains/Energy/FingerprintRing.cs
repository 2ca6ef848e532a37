using System.Buffers.Binary;

namespace Daarion.Grains.Energy;

/// <summary>
/// The recent readings' fingerprints kept in <see cref="SiteMeterState.Recent"/>: a fixed ring of
/// Oracle:DuplicateWindow slots, stored as bytes so a state write carries 8 bytes per reading remembered.
/// </summary>
internal readonly struct FingerprintRing
{
    private const int SlotSize = sizeof(long);

    private readonly SiteMeterState _state;

    public FingerprintRing(SiteMeterState state, int capacity)
    {
        _state = state;
        // A changed window size keeps what fits; the ring restarts its order, which only matters for eviction.
        if (state.Recent.Length != capacity * SlotSize)
        {
            var resized = new byte[capacity * SlotSize];
            state.Recent.AsSpan(0, Math.Min(state.Recent.Length, resized.Length)).CopyTo(resized);
            state.Recent = resized;
            state.RecentNext %= Math.Max(capacity, 1);
        }
    }

    public bool Contains(long fingerprint)
    {
        var slots = _state.Recent.AsSpan();
        for (var i = 0; i < slots.Length; i += SlotSize)
        {
            if (BinaryPrimitives.ReadInt64LittleEndian(slots[i..]) == fingerprint) return true;
        }
        return false;
    }

    public void Add(long fingerprint)
    {
        if (_state.Recent.Length == 0) return;
        BinaryPrimitives.WriteInt64LittleEndian(_state.Recent.AsSpan(_state.RecentNext * SlotSize), fingerprint);
        _state.RecentNext = (_state.RecentNext + 1) % (_state.Recent.Length / SlotSize);
    }
}
