using Booking.Data.Protection;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Replies;

/// <summary>What became of a cancellation asked by SMS.</summary>
public enum CancellationResult { Cancelled, Refused }

/// <summary>The platform's own infrastructure did not answer: the reply is left to the provider's retry.</summary>
public sealed class CancellationUnavailableException(string message) : Exception(message);

/// <summary>Cancels a booking through the citizens' API with its manage token: the same path, rules, access log and
/// message as the citizen's manage link, so the seat goes back to the clinic-day (and to the waiting list).</summary>
public sealed class BookingCancellations(HttpClient http, ManageTokens tokens, IOptions<RepliesOptions> options)
{
    public bool Enabled => !string.IsNullOrEmpty(options.Value.BookingApiUrl);

    public async Task<CancellationResult> CancelAsync(string confirmationCode, CancellationToken cancellationToken)
    {
        var url = $"{options.Value.BookingApiUrl!.TrimEnd('/')}/api/v1/bookings/{Uri.EscapeDataString(confirmationCode)}/cancel";
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("X-Manage-Token", tokens.For(confirmationCode));
        try
        {
            // The answer carries the citizen's details; it is read for its status only and never kept or logged.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return CancellationResult.Cancelled;
            if (status is 404 or 409 or 422)
                return CancellationResult.Refused;
            throw new CancellationUnavailableException($"The booking API answered {status}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CancellationUnavailableException($"The booking API did not answer: {e.GetType().Name}.");
        }
    }
}
