using Booking.Data.Notifications;
using Booking.Domain.Citizens;
using Booking.Notifications.Composition;

namespace Booking.Notifications.Tests;

/// <summary>Minimal rendering for the pipeline's tests, naming the kind and language so a test can tell messages apart.</summary>
public sealed class TestContent : INotificationContent
{
    public Task<RenderedEmail> EmailAsync(ClaimedNotification message, CitizenDetails citizen, CancellationToken cancellationToken) =>
        Task.FromResult(new RenderedEmail($"{message.Kind} [{citizen.Language}]", $"Bonjour {citizen.FirstName}", $"<p>{message.Kind}</p>", []));

    public Task<string> SmsAsync(ClaimedNotification message, CitizenDetails citizen, CancellationToken cancellationToken) =>
        Task.FromResult($"{message.Kind} [{citizen.Language}] {message.ConfirmationCode}");
}
