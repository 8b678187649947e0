namespace Booking.Domain.Campaigns;

/// <summary>A priority group of a campaign and when it may start booking (null: when the campaign opens).</summary>
public sealed record CampaignGroup(string Code, DateTimeOffset? OpensAt);

/// <summary>A booking campaign of a service: citizens may book from <see cref="OpensAt"/> until <see cref="ClosesAt"/>
/// (open-ended when null), if they belong to one of its <see cref="Groups"/> that is open by then (see
/// <see cref="PriorityGroups"/>); groups may open one after another. A campaign may put its service behind a waiting
/// room letting <see cref="AdmissionsPerMinute"/> visitors through a minute.</summary>
public sealed record Campaign(
    Guid Id,
    string ServiceCode,
    string NameFr,
    string NameEn,
    DateTimeOffset OpensAt,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<CampaignGroup> Groups,
    Guid? TenantId = null,
    bool WaitingRoom = false,
    int AdmissionsPerMinute = 600)
{
    public bool IsOpenAt(DateTimeOffset instant) => OpensAt <= instant && (ClosesAt is null || instant < ClosesAt);

    /// <summary>The groups that may book at <paramref name="instant"/> (the campaign itself being open).</summary>
    public IEnumerable<string> GroupsOpenAt(DateTimeOffset instant) => Groups.Where(g => OpeningOf(g) <= instant).Select(g => g.Code);

    /// <summary>When a group starts booking: its own date, never before the campaign's.</summary>
    public DateTimeOffset OpeningOf(CampaignGroup group) => group.OpensAt is { } opens && opens > OpensAt ? opens : OpensAt;

    /// <summary>The waiting room's name, when the campaign has one: one room per campaign.</summary>
    public string? WaitingRoomName => WaitingRoom ? $"campaign-{Id:N}"[..30] : null;
}
