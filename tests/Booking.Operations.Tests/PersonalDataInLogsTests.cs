using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Booking.Testing;
using Booking.Web.FunctionalTests;

namespace Booking.Operations.Tests;

/// <summary>
/// A citizen's whole journey on real host processes (hold, confirm with name, e-mail, phone and health card, the
/// e-mails that follow, the manage page, a copy of their information, a correction, a move, a cancellation),
/// then every line the silo, the web host and the notification worker wrote: each is one JSON object, requests carry
/// their trace id, and none holds any of the citizen's details in any spelling.
/// </summary>
public sealed class PersonalDataInLogsTests(LoggedPlatform platform) : IClassFixture<LoggedPlatform>
{
    private const string FirstName = "Zéphirine";
    private const string LastName = "Quillabamba";
    private const string CorrectedLastName = "Quillabamba-Ostrander";
    private const string Email = "zephirine.quillabamba@example.org";
    private const string Phone = "514 555 0187";
    private const string HealthCard = "QUIZ 4812 7365";

    /// <summary>Every way a detail could be written: as typed, normalised (E.164, no spaces), in parts.</summary>
    private static readonly string[] Forbidden =
    [
        FirstName, "Zephirine", LastName, Email, "zephirine.quillabamba", "5145550187", "+15145550187", "555 0187", "555-0187",
        HealthCard, "QUIZ48127365", "48127365",
    ];

    [Fact]
    public async Task No_log_line_of_a_whole_booking_journey_holds_the_citizen_s_name_e_mail_phone_or_health_card()
    {
        var api = new CitizenApi(platform.Web);
        var day = QuebecDate.NextWeekday(6);
        var citizen = new
        {
            firstName = FirstName, lastName = LastName, birthDate = "1981-04-12", healthCardNumber = HealthCard,
            email = Email, emailConsent = true, phone = Phone, language = "fr",
        };
        var booked = await CitizenApi.Json(await Expect(HttpStatusCode.Created,
            api.Confirm(await api.HoldId(CitizenApi.Plateau, "FLU", QuebecDate.At(day, 10)), citizen)));
        var (code, token) = (booked["confirmationCode"]!.GetValue<string>(), Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>()));

        await Expect(HttpStatusCode.OK, api.Get(code, booked["manageToken"]!.GetValue<string>()));
        await Expect(HttpStatusCode.OK, platform.Web.GetAsync($"/manage/{code}?token={token}"));
        await Expect(HttpStatusCode.OK, platform.Web.GetAsync($"/api/v1/bookings/{code}/personal-information?token={token}"));
        await Expect(HttpStatusCode.Created, platform.Web.PostAsJsonAsync($"/api/v1/bookings/{code}/correction-requests?token={token}",
            new { corrections = new[] { new { field = "lastName", value = CorrectedLastName } }, note = $"{FirstName} {CorrectedLastName}, {Phone}" }));
        await Expect(HttpStatusCode.OK, api.Reschedule(code, booked["manageToken"]!.GetValue<string>(),
            await api.HoldId(CitizenApi.Plateau, "FLU", QuebecDate.At(day, 11))));
        await Expect(HttpStatusCode.OK, api.Cancel(code, booked["manageToken"]!.GetValue<string>()));
        // The worker has sent what this journey queued (confirmation, move, cancellation) by e-mail, the channel the
        // citizen consented to (SMS is the fallback).
        await platform.Providers.Quiet();
        Assert.Equal(3, platform.Providers.Stub.All().Count(m => m.Channel == "email" && m.To == Email));

        var lines = await platform.StopAndReadLogsAsync();

        var leaks = lines.Where(l => l.Line.Length > 0 && Forbidden.Any(f => Readable(l.Line).Contains(f, StringComparison.OrdinalIgnoreCase)))
            .Select(l => $"{l.Host}: {l.Line}").ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        var notJson = lines.Where(l => l.Line.Length > 0 && !IsJsonObject(l.Line)).Select(l => $"{l.Host}: {l.Line}").ToList();
        Assert.True(notJson.Count == 0, string.Join('\n', notJson));
        foreach (var host in new[] { "silo", "web", "notifications" })
            Assert.Contains(lines, l => l.Host == host);
        // ASP.NET Core's line for the confirmation's request carries the trace id of that request.
        Assert.Contains(lines, l => l.Host == "web" && l.Line.Contains("/api/v1/bookings", StringComparison.Ordinal)
            && TraceId(l.Line) is { Length: 32 });
    }

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>The line as a reader sees it: JSON escapes (é as \u00E9, + as \u002B) decoded, so no spelling hides.</summary>
    private static string Readable(string line)
    {
        if (!IsJsonObject(line))
            return line;
        var text = new StringBuilder(line);
        using var document = JsonDocument.Parse(line);
        AppendStrings(document.RootElement, text);
        return text.ToString();
    }

    private static void AppendStrings(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append('\n').Append(property.Name);
                    AppendStrings(property.Value, text);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    AppendStrings(item, text);
                break;
            case JsonValueKind.String:
                text.Append('\n').Append(element.GetString());
                break;
        }
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? TraceId(string line)
    {
        using var document = JsonDocument.Parse(line);
        if (!document.RootElement.TryGetProperty("Scopes", out var scopes))
            return null;
        return scopes.EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
            .Select(s => s.GetProperty("TraceId").GetString())
            .FirstOrDefault();
    }
}
