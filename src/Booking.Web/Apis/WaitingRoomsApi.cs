using Booking.Web.ApiDocument;
using Booking.Web.Infrastructure;
using Booking.Web.WaitingRooms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class WaitingRoomsApi
{
    public static RouteGroupBuilder MapWaitingRoomsApi(this RouteGroupBuilder api)
    {
        var rooms = api.MapGroup("").WithTags(ApiTags.WaitingRooms);
        rooms.MapGet("/waiting-rooms/{name}/status", Status).WithName("WaitingRoomStatus")
            .WithSummary("Enter a waiting room or see where you stand (poll it); once admitted, the pass lets you hold slots");
        return api;
    }

    private static async Task<Results<Ok<WaitingRoomStatus>, ProblemHttpResult>> Status(string name, HttpContext http, WaitingRoom waitingRoom)
    {
        if (!await waitingRoom.ExistsAsync(name))
            return TypedResults.Problem(Problems.WaitingRoomNotFound());
        var status = await waitingRoom.StatusAsync(name, WaitingRoomCookies.Ticket(http.Request, name));
        WaitingRoomCookies.Write(http, status);
        // The page polls this; a cached answer would freeze the position.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(status);
    }
}
