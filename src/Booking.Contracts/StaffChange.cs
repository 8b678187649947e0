using Orleans;

namespace Booking.Contracts;

/// <summary>A booking changed by a staff member: who (<c>staff:&lt;id&gt;</c>) from where, the reason's code and the
/// note typed with it (sealed at the edge), and the form's key, so that a form sent twice acts once. The change commits
/// with its audit record. <see cref="ByClinic"/>: the clinic decided (the citizen is told the clinic changed it);
/// false for a contact-centre agent acting on the caller's request (told as their own change).</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.StaffChange")]
public sealed record StaffChange(string Actor, string? SourceIp, bool ByClinic, string Reason, byte[]? NoteCiphertext, string? NoteKeyId, Guid FormKey);
