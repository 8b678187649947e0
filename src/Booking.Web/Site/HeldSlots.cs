namespace Booking.Web.Site;

/// <summary>A group's holds as they travel in the URL: <c>hold</c>, <c>start</c> and <c>until</c> repeated once per
/// person, in the people's order (see <see cref="HeldSlot"/>).</summary>
public static class HeldSlots
{
    /// <summary>The group's slots, or null when the URL does not carry <paramref name="min"/> to <paramref name="max"/>
    /// readable holds of one service on one clinic day.</summary>
    public static IReadOnlyList<HeldSlot>? TryReadGroup(string[]? holds, string[]? starts, string[]? untils, int min, int max)
    {
        if (holds is null || starts is null || untils is null || holds.Length < min || holds.Length > max
            || starts.Length != holds.Length || untils.Length != holds.Length)
            return null;
        var slots = new List<HeldSlot>();
        for (var i = 0; i < holds.Length; i++)
        {
            if (HeldSlot.TryRead(holds[i], starts[i], untils[i]) is not { } slot)
                return null;
            slots.Add(slot);
        }
        return slots.DistinctBy(s => (s.Day, s.ServiceCode)).Count() == 1 && slots.DistinctBy(s => s.HoldId).Count() == slots.Count ? slots : null;
    }
}
