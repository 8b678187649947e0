namespace Booking.LoadTest.Scenarios;

/// <summary>A citizen's search: a random service, postal code and first day within the scenario's date window.</summary>
public static class SearchPicker
{
    public static Task<ApiCall<AvailabilityAnswer>> SearchAsync(BookingApiClient api, ScenarioSettings settings, VirtualUser user) =>
        api.AvailabilityAsync(
            user.Pick(settings.Services),
            user.Pick(settings.PostalCodes),
            QuebecCalendar.DaysAhead(user.Random.Next(settings.DateWindow.FromDaysAhead, settings.DateWindow.ToDaysAhead + 1)),
            settings.SearchDays,
            settings.RadiusKm,
            settings.Limit,
            settings.SlotsPerLocation);
}
