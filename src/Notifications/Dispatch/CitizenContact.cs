using Booking.Data.Notifications;
using Booking.Domain.Citizens;

namespace Booking.Notifications.Dispatch;

/// <summary>Where a citizen may be reached: e-mail only with their consent, SMS unless their phone answered STOP.</summary>
public sealed record CitizenContact(CitizenDetails Citizen, bool SmsOptedOut)
{
    public string? Email => Citizen is { EmailConsent: true, Email: { Length: > 0 } email } ? email : null;

    public string? Phone => !SmsOptedOut && Citizen.Phone is { Length: > 0 } phone ? phone : null;

    public bool Has(string channel) => channel == NotificationChannel.Email ? Email is not null : Phone is not null;

    /// <summary>E-mail first when allowed (it carries the calendar file and the pass), else SMS.</summary>
    public string? Preferred => Email is not null ? NotificationChannel.Email : Phone is not null ? NotificationChannel.Sms : null;
}
