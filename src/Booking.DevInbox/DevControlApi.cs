using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.DevInbox;

/// <summary>What tests (and a curious developer) use to read and steer the stub: recorded messages, request counts,
/// faults per channel, and the key that verifies its SendGrid events.</summary>
public static class DevControlApi
{
    public static IEndpointRouteBuilder MapDevControlApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dev");
        group.MapGet("/messages", (InboxStore store) => TypedResults.Ok(store.All()));
        group.MapGet("/stats", (InboxStore store) => TypedResults.Ok(new { messages = store.Count, requests = store.Requests }));
        group.MapDelete("/messages", (InboxStore store, ProviderFaults faults) =>
        {
            store.Clear();
            faults.Clear();
            return TypedResults.NoContent();
        });
        group.MapPost("/faults/{channel}", SetFault);
        group.MapGet("/sendgrid-webhook-public-key", (WebhookSigner signer) => TypedResults.Text(signer.SendGridPublicKey));
        return app;
    }

    private static Results<NoContent, BadRequest<string>> SetFault(string channel, FaultMode mode, int? count, ProviderFaults faults)
    {
        if (channel is not (SendGridStubApi.Channel or TwilioStubApi.Channel))
            return TypedResults.BadRequest("channel is email or sms");
        faults.Set(channel, mode, count ?? -1);
        return TypedResults.NoContent();
    }
}
