using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Booking.Notifications.Extensions;

/// <summary>
/// Timeouts and short in-call retries for provider requests. Only answers that prove the provider did not take the
/// message are retried here (429, 502, 503, 504, connection refused); a timeout or a 500 might have been sent, so it
/// goes back to the outbox, whose lease and status callbacks keep a second copy from going out.
/// </summary>
public static class ProviderResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan attemptTimeout)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
                { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => true,
                _ => false,
            }),
        });
        pipeline.AddTimeout(attemptTimeout);
    }
}
