namespace Booking.Staff.ClinicDay;

/// <summary>What the front desk is told after a scan, a code or a name: each case its own sentence.</summary>
public abstract record CheckInOutcome
{
    public sealed record CheckedIn(DayPerson Person, DateTimeOffset At) : CheckInOutcome;

    /// <summary>Scanned or typed again: nothing changes; says when the first check-in was.</summary>
    public sealed record AlreadyCheckedIn(DayPerson Person, DateTimeOffset At) : CheckInOutcome;

    /// <summary>An authentic pass of another clinic (named, so the person can be sent there).</summary>
    public sealed record OtherClinic(string ClinicName, DateTimeOffset SlotStart) : CheckInOutcome;

    /// <summary>An authentic pass of this clinic for another day.</summary>
    public sealed record OtherDay(DateOnly Date, DateTimeOffset SlotStart) : CheckInOutcome;

    /// <summary>Not a pass of ours: unreadable, altered, signed by a key we do not publish, or expired.</summary>
    public sealed record InvalidPass(Passes.PassInvalidReason Reason) : CheckInOutcome;

    /// <summary>An authentic pass for a booking since cancelled or moved.</summary>
    public sealed record NoLongerValid : CheckInOutcome;

    /// <summary>Nothing of today at this clinic matches the code, or the name and birth date.</summary>
    public sealed record NotFound : CheckInOutcome;

    /// <summary>Several people of today share that name and birth date: pick one from the list.</summary>
    public sealed record Several(IReadOnlyList<DayPerson> People) : CheckInOutcome;

    /// <summary>The page's date is not today at the clinic: nobody is checked in for another day.</summary>
    public sealed record NotToday : CheckInOutcome;
}
