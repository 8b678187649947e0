namespace Booking.Web.WaitingRooms;

/// <summary>A visitor's ticket and pass kept in cookies, read and written the same way by the status API (polled by the
/// page's script) and by the waiting-room page itself (without JavaScript, a refresh).</summary>
public static class WaitingRoomCookies
{
    public static string? Ticket(HttpRequest request, string room) =>
        request.Headers[WaitingRoom.TicketHeader].FirstOrDefault() ?? request.Cookies[WaitingRoom.TicketCookie(room)];

    public static void Write(HttpContext http, WaitingRoomStatus status)
    {
        if (status.TicketToken is { } ticketToken)
            http.Response.Cookies.Append(WaitingRoom.TicketCookie(status.Room), ticketToken, Cookie(http, expires: null));
        if (status.PassToken is { } pass)
            http.Response.Cookies.Append(WaitingRoom.PassCookie(status.Room), pass, Cookie(http, status.PassExpiresAt));
    }

    // Max-Age rather than Expires: a lifetime the browser counts on its own clock, whichever time it believes it is.
    private static CookieOptions Cookie(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/", IsEssential = true,
        MaxAge = expires - http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
    };
}
