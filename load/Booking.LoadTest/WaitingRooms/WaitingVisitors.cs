using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.LoadTest.WaitingRooms;

public sealed record WaitingRoomAnswer(long Position, int EstimatedWaitSeconds, bool Admitted, string? TicketToken, int PollAfterSeconds);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WaitingRoomAnswer))]
internal sealed partial class WaitingRoomJson : JsonSerializerContext;

/// <summary>
/// Visitors of a waiting room as a browser's page makes them: the first request takes a ticket, then the page asks again
/// with the ticket when the answer says (its <c>pollAfterSeconds</c>, or the <c>Retry-After</c> of a refusal), else
/// every <c>pollEvery</c>, until admitted. A failed request is retried at the next poll, as the page does. Entries and
/// polls are timed apart.
/// </summary>
public sealed class WaitingVisitors(HttpClient http, string room, TimeSpan pollEvery, TimeSpan requestTimeout, AdmissionLog log)
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly string _path = $"api/v1/waiting-rooms/{Uri.EscapeDataString(room)}/status";

    public StepRecorder Entries { get; } = new(new Step("enter", new HashSet<int>()));
    public StepRecorder Polls { get; } = new(new Step("poll", new HashSet<int>()));

    public double NowMs => Stopwatch.GetElapsedTime(_start).TotalMilliseconds;

    /// <summary>Until admitted or <paramref name="stopping"/> fires; never throws.</summary>
    public async Task VisitAsync(int visitor, CancellationToken stopping)
    {
        string? ticket = null;
        while (!stopping.IsCancellationRequested)
        {
            var wait = pollEvery;
            using var request = new HttpRequestMessage(HttpMethod.Get, _path);
            if (ticket is not null)
                request.Headers.Add("X-Waiting-Room-Ticket", ticket);
            var recorder = ticket is null ? Entries : Polls;
            using var timeout = new CancellationTokenSource(requestTimeout);
            var sentAt = NowMs;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, timeout.Token);
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                recorder.RecordResponse((int)response.StatusCode, null, Stopwatch.GetElapsedTime(started));
                wait = response.Headers.RetryAfter?.Delta ?? pollEvery;
                if (response.IsSuccessStatusCode && Read(body) is { TicketToken: var token } answer && TicketToken.Number(token) is { } number)
                {
                    if (answer.PollAfterSeconds > 0)
                        wait = TimeSpan.FromSeconds(answer.PollAfterSeconds);
                    log.Answered(visitor, number, lostPlace: ticket is not null && token != ticket, sentAt, NowMs, answer.Admitted, answer.Position);
                    if (answer.Admitted)
                        return;
                    ticket = token;
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                recorder.RecordFailure($"timeout ({requestTimeout.TotalSeconds:0} s)");
            }
            catch (HttpRequestException e)
            {
                recorder.RecordFailure(e.InnerException is SocketException socket ? $"transport: {socket.SocketErrorCode}" : $"transport: {e.HttpRequestError}");
            }
            await Task.Delay(wait, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static WaitingRoomAnswer? Read(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, WaitingRoomJson.Default.WaitingRoomAnswer);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
