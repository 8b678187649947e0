using Orleans;

namespace Booking.Contracts;

/// <summary>A visitor's place in a waiting room: <see cref="Epoch"/> names the room's activation, so a ticket from before
/// a restart is recognised as stale rather than confused with a new one.</summary>
[GenerateSerializer, Immutable, Alias("booking.WaitingRoom.Ticket")]
public sealed record WaitingTicket(long Epoch, long Number);
