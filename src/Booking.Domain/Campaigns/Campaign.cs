namespace Booking.Domain.Campaigns;

/// <summary>A booking campaign of a service: citizens may book from <see cref="OpensAt"/> until <see cref="ClosesAt"/>
/// (open-ended when null), if they belong to one of <see cref="OpenGroups"/> (see <see cref="PriorityGroups"/>).</summary>
public sealed record Campaign(
    Guid Id,
    string ServiceCode,
    string NameFr,
    string NameEn,
    DateTimeOffset OpensAt,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<string> OpenGroups)
{
    public bool IsOpenAt(DateTimeOffset instant) => OpensAt <= instant && (ClosesAt is null || instant < ClosesAt);
}
