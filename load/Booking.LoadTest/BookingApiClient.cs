using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Booking.LoadTest;

public enum CallOutcome
{
    /// <summary>2xx with a readable body.</summary>
    Succeeded,
    /// <summary>A rejection the step expects under contention (409 on a hold).</summary>
    Rejected,
    /// <summary>Any other status, a timeout or a transport error.</summary>
    Failed,
    /// <summary>Not sent: the run is stopping.</summary>
    NotSent,
}

public readonly record struct ApiCall<T>(CallOutcome Outcome, int Status, T? Answer) where T : class;

/// <summary>The citizen API as a virtual user calls it. Every call spends one request of the run's budget and is recorded
/// under its step; every acknowledged booking's code is kept for the after-run check.</summary>
public sealed class BookingApiClient(HttpClient http, RunMetrics metrics, RunBudget budget, TimeSpan requestTimeout)
{
    /// <summary>One client for all virtual users: pooled keep-alive connections, one per user at most (a user has one
    /// request in flight), no proxy (the target is this machine), no cookies; over HTTPS, trusting the platform's own
    /// authority when one is given (<see cref="PlatformAuthority"/>).</summary>
    public static HttpClient CreateHttpClient(Uri baseUrl, int virtualUsers, string? authorityFile = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(virtualUsers, 16),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseProxy = false,
            UseCookies = false,
        };
        if (authorityFile is not null)
            handler.SslOptions.RemoteCertificateValidationCallback = PlatformAuthority.Trusting(authorityFile);
        // Relative paths below resolve under the base URL's own path (a deployment behind a prefix).
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new HttpClient(handler) { BaseAddress = root, Timeout = Timeout.InfiniteTimeSpan };
    }

    public Task<ApiCall<AvailabilityAnswer>> AvailabilityAsync(string service, string postalCode, DateOnly from, int days, double radiusKm, int limit, int slotsPerLocation)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"api/v1/availability?service={Uri.EscapeDataString(service)}&postalCode={Uri.EscapeDataString(postalCode)}&from={from:yyyy-MM-dd}&days={days}&radiusKm={radiusKm}&limit={limit}&slotsPerLocation={slotsPerLocation}");
        return SendAsync(Step.Availability, new HttpRequestMessage(HttpMethod.Get, path), ApiJson.Default.AvailabilityAnswer);
    }

    public Task<ApiCall<HoldAnswer>> HoldAsync(Guid locationId, string service, string start) =>
        SendAsync(Step.Hold, Post("api/v1/holds", JsonContent.Create(new HoldRequest(locationId, service, start), ApiJson.Default.HoldRequest)),
            ApiJson.Default.HoldAnswer);

    public async Task<ApiCall<BookingAnswer>> ConfirmAsync(string holdId, FakeCitizen citizen)
    {
        var call = await SendAsync(Step.Confirm,
            Post("api/v1/bookings", JsonContent.Create(ConfirmRequest.Passing(holdId, citizen), ApiJson.Default.ConfirmRequest)),
            ApiJson.Default.BookingAnswer);
        if (call.Answer is { ConfirmationCode: var code })
            metrics.Acknowledged(code);
        return call;
    }

    /// <summary>Before the run, outside the budget and the metrics: is the platform up at all?</summary>
    public async Task<string?> NotReadyReasonAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("health/ready", cancellationToken);
            return response.IsSuccessStatusCode ? null : $"GET /health/ready answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return $"GET /health/ready failed: {Describe(e)}";
        }
    }

    // Like a browser or app that retries safely: a fresh Idempotency-Key per POST.
    private static HttpRequestMessage Post(string path, HttpContent body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private async Task<ApiCall<T>> SendAsync<T>(Step step, HttpRequestMessage request, JsonTypeInfo<T> answerType) where T : class
    {
        using var _ = request;
        if (!budget.TryStartRequest())
            return new ApiCall<T>(CallOutcome.NotSent, 0, null);
        var recorder = metrics[step];
        // Its own timeout, not the run's stop token: a request in flight at the end is allowed to finish.
        using var timeout = new CancellationTokenSource(requestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var latency = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var problemType = ProblemType(body);
                // A 503 must say when to come back (faults under load check it): one without Retry-After is reported apart.
                if (status == 503 && response.Headers.RetryAfter is null)
                    problemType = $"{problemType ?? "(no problem)"} without Retry-After";
                recorder.RecordResponse(status, problemType, latency);
                var expected = step.ExpectedRejections.Contains(status);
                Log(step, started, status, StepRecorder.Answer(status, problemType), expected ? CallKind.ExpectedRejection : CallKind.ErrorAnswer);
                return new ApiCall<T>(expected ? CallOutcome.Rejected : CallOutcome.Failed, status, null);
            }
            var answer = Read(body, answerType);
            if (answer is null)
            {
                var unreadable = $"{status} with an unreadable body";
                recorder.RecordFailure(unreadable);
                Log(step, started, status, unreadable, CallKind.ErrorAnswer);
                return new ApiCall<T>(CallOutcome.Failed, status, null);
            }
            recorder.RecordResponse(status, null, latency);
            Log(step, started, status, StepRecorder.Answer(status, null), CallKind.Succeeded);
            return new ApiCall<T>(CallOutcome.Succeeded, status, answer);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var hung = $"timeout ({requestTimeout.TotalSeconds:0} s)";
            recorder.RecordFailure(hung);
            Log(step, started, 0, hung, CallKind.Timeout);
        }
        catch (HttpRequestException e)
        {
            var transport = Describe(e);
            recorder.RecordFailure(transport);
            Log(step, started, 0, transport, CallKind.TransportError);
        }
        return new ApiCall<T>(CallOutcome.Failed, 0, null);
    }

    private void Log(Step step, long started, int status, string answer, CallKind kind) =>
        metrics.Calls.Add(new CallRecord(step, started, Stopwatch.GetTimestamp(), status, answer, kind));

    private static T? Read<T>(byte[] body, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"slot-full" from <c>{"type":"/problems/slot-full"}</c>; null for other bodies (framework 400s, HTML).</summary>
    private static string? ProblemType(byte[] body)
    {
        var type = Read(body, ApiJson.Default.ProblemAnswer)?.Type;
        const string prefix = "/problems/";
        var at = type?.IndexOf(prefix, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : type![(at + prefix.Length)..];
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException socket ? $"transport: {socket.SocketErrorCode}" : $"transport: {e.HttpRequestError}";
}
