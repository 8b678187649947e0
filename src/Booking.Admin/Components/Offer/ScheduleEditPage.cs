using Booking.Data.Catalog;
using Booking.Data.Offer;
using Booking.Staff.Offer;
using Microsoft.AspNetCore.Components;

namespace Booking.Admin.Components.Offer;

/// <summary>A page that changes a clinic's schedule: it loads the clinic, its schedule and the services, previews a
/// change or saves it through <see cref="ScheduleChanges"/>, and says why a save did not happen.</summary>
public abstract class ScheduleEditPage : OfferPage
{
    [Inject] private LocationRepository Locations { get; set; } = null!;
    [Inject] private ScheduleRepository Schedules { get; set; } = null!;
    [Inject] private CatalogRepository Catalog { get; set; } = null!;
    [Inject] private ServiceOfferRepository Offers { get; set; } = null!;
    [Inject] private ScheduleChanges Changes { get; set; } = null!;
    [Inject] private SchedulePreview Previews { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter] public Guid LocationId { get; set; }

    protected StaffLocation Location { get; private set; } = null!;

    /// <summary>Whether the page has what it shows: the first render comes before the loading has finished.</summary>
    protected bool Loaded { get; private set; }
    protected OfferSchedule Schedule { get; private set; } = new([], []);
    /// <summary>The services the clinic offers.</summary>
    protected IReadOnlyList<Domain.Catalog.Service> Services { get; private set; } = [];
    protected FormErrors? Errors { get; set; }
    protected ScheduleChangePreview? Preview { get; private set; }
    protected ScheduleSaveResult? Result { get; private set; }

    protected TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(Location.Details.TimeZone);

    /// <summary>The clinic's own date today.</summary>
    protected DateOnly Today => Domain.Catalog.QuebecTime.DateOf(Zone, Clock.GetUtcNow());

    protected IReadOnlyCollection<string> ServiceCodes => Services.Select(s => s.Code).ToList();

    /// <returns>False when the page answered 404.</returns>
    protected async Task<bool> LoadAsync()
    {
        if (!await RequireClinicAsync(LocationId))
            return false;
        if (await Locations.FindAsync(LocationId, Aborted) is not { } location)
        {
            NotFound();
            return false;
        }
        Location = location;
        Schedule = await Schedules.ReadAsync(LocationId, Today, Aborted);
        // Only what the clinic offers: its schedules and extra hours are for those services.
        var offered = await Offers.OfferedAtAsync(LocationId, Aborted);
        Services = (await Catalog.ServicesAsync(Aborted)).Where(s => offered.Contains(s.Code)).ToList();
        Loaded = true;
        return true;
    }

    protected async Task PreviewAsync(ScheduleEdit edit)
    {
        Preview = await Previews.PreviewAsync(User, LocationId, edit, Aborted);
        if (Preview is null)
            NotFound();
    }

    /// <summary>Saves, and goes back to the clinic's page saying what was saved; or stays, saying why not.</summary>
    protected async Task SaveAsync(ScheduleEdit edit, string saved)
    {
        Result = await Changes.SaveAsync(User, Editor, LocationId, edit, Aborted);
        switch (Result)
        {
            case ScheduleSaveResult.Saved:
                Navigation.NavigateTo($"offer/locations/{LocationId}?saved={saved}");
                break;
            case ScheduleSaveResult.NotFound:
                NotFound();
                break;
            case ScheduleSaveResult.Refused:
                await PreviewAsync(edit);
                break;
        }
    }
}
