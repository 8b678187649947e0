using Booking.Contracts;
using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Domain.WaitingRooms;
using Booking.Grains;
using Booking.Grains.WaitingRooms;
using Microsoft.Extensions.Options;

namespace Booking.Web.WaitingRooms;

/// <summary>Where a visitor stands in a waiting room. <see cref="TicketToken"/> keeps their place (cookie); once admitted,
/// <see cref="PassToken"/> lets them hold slots of the gated services until <see cref="PassExpiresAt"/>. While waiting,
/// <see cref="PollAfterSeconds"/> says when to ask again (0 once admitted).</summary>
public sealed record WaitingRoomStatus(string Room, long Position, int EstimatedWaitSeconds, bool Admitted, string? TicketToken,
    string? PassToken, DateTimeOffset? PassExpiresAt, int PollAfterSeconds);

/// <summary>
/// The waiting room in front of a campaign's booking (pages and API alike): a visitor enters once and gets a signed
/// ticket; asking again with it keeps their place; once admitted they get a signed, expiring pass, bound to their
/// ticket, that the hold endpoints of the gated services require and that serves a few holds only. One <see cref="IWaitingRoomGrain"/> per room keeps one FIFO for all hosts;
/// waiting visitors' polls are answered from its watermark (<see cref="RoomWatermarks"/>), admissions only by the room.
/// The rooms are those staff turn on for a campaign (data, live within a second) and any a host's configuration adds
/// (<c>WaitingRoom:Rooms</c>: an operator's room for this host alone, which comes first for its services).
/// </summary>
public sealed class WaitingRoom(IOptions<WaitingRoomOptions> options, ReferenceData referenceData, GrainReferences grains, WaitingRoomTokens tokens,
    RoomWatermarks watermarks, TimeProvider clock)
{
    public const string TicketHeader = "X-Waiting-Room-Ticket";
    public const string PassHeader = "X-Waiting-Room-Pass";

    private KeptRooms? _kept;

    public static string TicketCookie(string room) => $"waiting-room-ticket-{room}";
    public static string PassCookie(string room) => $"waiting-room-pass-{room}";

    /// <summary>The pass a request carries for the room gating a service: the header (API clients), else the room's cookie.</summary>
    public async ValueTask<string?> PassFromAsync(HttpRequest request, string? serviceCode) =>
        request.Headers[PassHeader].FirstOrDefault()
        ?? (serviceCode is not null && await RoomOfAsync(serviceCode) is { } room ? request.Cookies[PassCookie(room)] : null);

    /// <summary>The enabled room gating a service, if any.</summary>
    public async ValueTask<string?> RoomOfAsync(string serviceCode) => (await RoomsAsync()).RoomOf(serviceCode);

    public async ValueTask<bool> ExistsAsync(string room) => (await RoomsAsync()).ByName.ContainsKey(room);

    /// <summary>True when the service is not gated, or the pass is a valid, unexpired pass of its room. Spends nothing:
    /// for showing the way in, not for letting a hold through (see <see cref="TryUsePassAsync"/>).</summary>
    public async ValueTask<bool> AdmitsAsync(string serviceCode, string? passToken) =>
        await RoomOfAsync(serviceCode) is not { } room || tokens.TryReadPass(room, passToken, clock.GetUtcNow(), out _);

    /// <summary>The rooms in force, worked out again only when the reference data changed or one of them closed.</summary>
    private async ValueTask<RoomsInForce> RoomsAsync()
    {
        var reference = await referenceData.GetAsync();
        var now = clock.GetUtcNow();
        if (_kept is { } kept && ReferenceEquals(kept.Source, reference) && now < kept.Rooms.ValidUntil)
            return kept.Rooms;
        var rooms = RoomsInForce.At(now, options.Value.Rooms, reference.Campaigns);
        _kept = new KeptRooms(reference, rooms);
        return rooms;
    }

    /// <summary>One object, so that hosts' threads swap it whole and never read one snapshot's rooms for another's.</summary>
    private sealed record KeptRooms(ReferenceData.Snapshot Source, RoomsInForce Rooms);

    /// <summary>
    /// Lets one hold of a service through: always when the service is not gated, else when the pass is valid and its
    /// admission has holds left (counted by the room). The use is returned by <see cref="PassUse.ReturnAsync"/> when
    /// the hold did not happen. Null when refused.
    /// </summary>
    public async ValueTask<PassUse?> TryUsePassAsync(string serviceCode, string? passToken)
    {
        if (await RoomOfAsync(serviceCode) is not { } room)
            return PassUse.NotNeeded;
        if (!tokens.TryReadPass(room, passToken, clock.GetUtcNow(), out var ticket))
            return null;
        var grain = grains.Get<IWaitingRoomGrain>(room);
        return await grain.UsePass(ticket, options.Value.HoldsPerPass, TimeSpan.FromMinutes(options.Value.PassMinutes))
            ? new PassUse(grain, ticket) : null;
    }

    /// <summary>One hold counted against an admission pass.</summary>
    public sealed class PassUse(IWaitingRoomGrain? room, WaitingTicket? ticket)
    {
        public static readonly PassUse NotNeeded = new(null, null);

        public Task ReturnAsync() => room is null || ticket is null ? Task.CompletedTask : room.ReturnPassUse(ticket);
    }

    /// <summary>
    /// Enters the room, or with a ticket it issued, tells where that ticket stands (a refresh keeps the place). A
    /// forged, altered or stale ticket counts as none: the visitor gets a new place at the back. A disabled room admits
    /// everyone at once (no pass is needed then).
    /// </summary>
    public async Task<WaitingRoomStatus> StatusAsync(string room, string? ticketToken)
    {
        var settings = (await RoomsAsync()).ByName[room];
        if (!settings.Enabled)
            return new WaitingRoomStatus(room, 0, 0, true, null, null, null, 0);
        var hasTicket = tokens.TryReadTicket(room, ticketToken, out var ticket);
        // Most polls are of visitors still waiting: this host answers those from the room's watermark.
        if (hasTicket && await watermarks.WaitingAsync(room, ticket, settings.AdmissionsPerMinute) is { } waiting)
            return Waiting(room, waiting.Position, waiting.EstimatedWaitSeconds, ticketToken);
        var grain = grains.Get<IWaitingRoomGrain>(room);
        var standing = hasTicket ? await grain.Standing(ticket, settings.AdmissionsPerMinute) : null;
        standing ??= await grain.Enter(settings.AdmissionsPerMinute);
        var ticketOut = tokens.Ticket(room, standing.Ticket);
        if (!standing.Admitted)
            return Waiting(room, standing.Position, standing.EstimatedWaitSeconds, ticketOut);
        // The pass runs from the ticket's admission, so asking again gives the same pass, not a fresh one.
        var admittedAt = standing.AdmittedAt ?? clock.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(admittedAt.AddMinutes(options.Value.PassMinutes).ToUnixTimeSeconds());
        return new WaitingRoomStatus(room, 0, 0, true, ticketOut, tokens.Pass(room, standing.Ticket, expiresAt), expiresAt, 0);
    }

    private WaitingRoomStatus Waiting(string room, long position, int estimatedWaitSeconds, string? ticketToken) =>
        new(room, position, estimatedWaitSeconds, false, ticketToken, null, null,
            PollInterval.After(estimatedWaitSeconds, options.Value.LongestPollSeconds));
}
