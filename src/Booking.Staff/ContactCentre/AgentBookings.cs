using System.Diagnostics;
using System.Globalization;
using Booking.ClusterClient.Availability;
using Booking.ClusterClient.Bookings;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Domain.Screening;
using Booking.Domain.Validation;
using Booking.Grains;
using Booking.Grains.Availability;
using Booking.Grains.Inventory;
using Booking.Staff.Access;
using Booking.Staff.Bookings;

namespace Booking.Staff.ContactCentre;

/// <summary>
/// A contact-centre agent booking a new appointment for a caller (<see cref="StaffPermission.ActForCallers"/>, at the
/// clinics of the agent's tenants only). Everything a citizen's booking goes through is used as it is: the free times
/// the citizen search reads (<see cref="AvailabilitySnapshots"/>), the platform-wide rule of a hold's key
/// (<see cref="HoldKeys"/>), the clinic-day grain's hold, the citizen site's checks of the person's details
/// (<see cref="CitizenValidator"/>), its reading of the screening answers and priority groups (<see cref="DeclarationReader"/>)
/// and its eligibility check and confirmation (<see cref="HeldSlotConfirmation"/>). The booking is stored with the
/// channel <see cref="BookingChannel.Agent"/>, the agent named in its access-log record, and the citizen gets the web
/// booking's confirmation message, in the language the agent chose for them. The form's key makes a form sent twice
/// hold or book once. A caller's group (a family at one clinic and time) is held and booked by the citizen site's group
/// rules (<see cref="GroupHolds"/>, <see cref="HeldGroupConfirmation"/>): every person checked first, all booked or none.
/// </summary>
public sealed class AgentBookings(StaffAccess access, ReferenceData referenceData, AvailabilitySnapshots snapshots, HoldKeys holdKeys,
    GroupHolds groupHolds, CitizenValidator validator, HeldSlotConfirmation confirmation, HeldGroupConfirmation group, GrainReferences grains,
    TimeProvider clock)
{
    /// <returns>Null when <paramref name="clinicId"/> names a clinic where the agent may not act for callers.</returns>
    /// <param name="taken">A time a hold was just refused: left out, though the published picture (up to a second or so
    /// old) may still list it.</param>
    /// <param name="people">How many seats a time needs to be offered (a group's).</param>
    public async Task<AgentBookingChoice?> ChooseAsync(StaffActor actor, Guid? clinicId, string? serviceCode, DateOnly? date,
        DateTimeOffset? taken = null, int people = 1, CancellationToken cancellationToken = default)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        var allowed = await access.LocationsAsync(actor.UserId, StaffPermission.ActForCallers, cancellationToken);
        // A closed clinic takes no new booking, as on the citizen site.
        var clinics = allowed.Select(id => reference.Locations.GetValueOrDefault(id)).OfType<Location>().Where(l => l.IsOpen)
            .OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
        var clinic = clinics.FirstOrDefault(c => c.Id == clinicId);
        if (clinicId is not null && clinic is null)
            return null;
        var services = clinic is null ? [] : OfferedAt(reference, clinic.Id);
        var service = services.FirstOrDefault(s => s.Service.Code == serviceCode);
        var today = clinic?.DateOf(clock.GetUtcNow()) ?? QuebecTime.Today(clock);
        var day = date is { } d && InRange(d, today) ? d : today;
        var free = clinic is not null && service is not null ? await FreeSlotsAsync(clinic.Id, service.Service.Code, day, taken, people) : [];
        return new AgentBookingChoice(clinics, clinic, services, service, day, free);
    }

    /// <summary>The times the citizen search offers at the clinic: not yet begun, with a seat left (for each person), in time order. Read
    /// from the published availability, as citizens read it, so that agents never add to a clinic-day's load in a rush.</summary>
    private async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(Guid clinicId, string serviceCode, DateOnly day, DateTimeOffset? taken, int people)
    {
        var now = clock.GetUtcNow();
        var published = (await snapshots.GetAsync(serviceCode, day)).GetValueOrDefault(clinicId) ?? [];
        return published.Where(s => s.Remaining >= Math.Max(people, 1) && s.Start > now && s.Start != taken).OrderBy(s => s.Start).ToList();
    }

    /// <summary>Keeps the chosen slot for the caller (or seats together for their group) while the agent takes the details.</summary>
    /// <param name="start">The slot's start, as the instant the page listed (round-trip format).</param>
    /// <param name="people">1, or a group's size (<see cref="GroupHolds.MinPeople"/> to <see cref="GroupHolds.MaxPeople"/>).</param>
    /// <returns>Null when the clinic is not one where the agent may act for callers (answered as if it did not exist).</returns>
    public async Task<AgentBookingResult?> HoldAsync(StaffActor actor, Guid clinicId, string? serviceCode, string? start, string? formKey,
        int people = 1, CancellationToken cancellationToken = default)
    {
        if (await ClinicAsync(actor, clinicId, cancellationToken) is not var (reference, clinic))
            return null;
        var errors = new ValidationErrors();
        var service = serviceCode is null ? null : reference.ServiceAt(clinic.Id, serviceCode);
        if (service is not { Offered.Value: true })
            errors.Add("service", ErrorCodes.UnknownService, "Unknown service.");
        var today = clinic.DateOf(clock.GetUtcNow());
        if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) || !InRange(clinic.DateOf(at), today))
            errors.Add("start", ErrorCodes.Required, "Choose a time.");
        if (!Guid.TryParse(formKey, out _))
            errors.Add("formKey", ErrorCodes.Required, "The form's key is missing.");
        if (people is < 1 or > GroupHolds.MaxPeople)
            errors.Add("people", ErrorCodes.OutOfRange, $"A group is {GroupHolds.MinPeople} to {GroupHolds.MaxPeople} people.");
        if (errors.Any)
            return new AgentBookingResult.Invalid(errors);

        // Keyed by the form, under the citizen's rule: the same form sent again gets the same hold, and never a second
        // seat at another time or clinic. No waiting room: it queues citizens in a rush, and an agent has a caller on
        // the line, one at a time.
        var key = $"agent-hold:{formKey}";
        var instant = at.ToUniversalTime();
        var group = people > 1 ? people : (int?)null;
        if (!await holdKeys.FitsAsync(key, clinic.Id, service!.Service.Code, instant, group))
            return new AgentBookingResult.AlreadySent();
        var day = new LocationDayKey(clinic.Id, clinic.DateOf(at));
        if (group is not null)
            return await groupHolds.HoldAsync(day, service.Service.Code, instant, people, key) switch
            {
                ({ } holds, _) => new AgentBookingResult.GroupHeld(holds.Select(Held).ToList()),
                (_, HoldResult.Full) => new AgentBookingResult.GroupDoesNotFit(people),
                (_, var refused) => NotHeld(refused),
            };
        return await grains.Get<ILocationDayGrain>(day.ToString()).Hold(new HoldRequest(service.Service.Code, instant, key)) switch
        {
            HoldResult.Held held => Held(held),
            var refused => NotHeld(refused),
        };
    }

    private static AgentBookingResult.Held Held(HoldResult.Held held) => new(held.HoldId, held.Start, held.ExpiresAt);

    private static AgentBookingResult NotHeld(HoldResult? refused) =>
        refused is HoldResult.KeyReused ? new AgentBookingResult.AlreadySent() : new AgentBookingResult.SlotTaken();

    /// <summary>Books the held slot for the caller, checked as the citizen site checks a citizen confirming it.</summary>
    /// <returns>Null when the hold is not at a clinic where the agent may act for callers (or is not a hold id).</returns>
    public async Task<AgentBookingResult?> ConfirmAsync(StaffActor actor, CallerDetailsInput input, CancellationToken cancellationToken = default)
    {
        if (!HoldId.TryParse(input.HoldId, out var day, out var serviceCode)
            || await ClinicAsync(actor, day.LocationId, cancellationToken) is not var (reference, clinic)
            || !InRange(day.Date, clinic.DateOf(clock.GetUtcNow()).AddDays(-1))
            || reference.ServiceAt(clinic.Id, serviceCode) is not { } service)
            return null;
        var errors = new ValidationErrors();
        if (!input.Consent)
            errors.Add("consent", ErrorCodes.ConsentRequired, "The caller must agree to the use of these details for this appointment.");
        if (!Guid.TryParse(input.FormKey, out var formKey))
            errors.Add("formKey", ErrorCodes.Required, "The form's key is missing.");
        var citizen = validator.Validate(new CitizenBody(input.FirstName, input.LastName, input.BirthDate, input.HealthCard, input.Email, input.Phone,
            input.Language, input.EmailConsent, input.PostalCode), errors);
        var reading = DeclarationReader.Read(service.Screening.Value, input.Screening, input.PriorityGroups, errors);
        if (errors.Any)
            return new AgentBookingResult.Invalid(errors);
        if (reading!.BlockedBy is { } blocking)
            return new AgentBookingResult.ScreeningBlocked(blocking);

        var candidate = new HeldSlotConfirmation.Candidate(input.HoldId!, day, clinic.TenantId, service.Service, citizen!, reading.Declarations);
        var by = new HeldSlotConfirmation.Confirmer(actor.SourceIp, BookingChannel.Agent, actor.AuditName);
        return Of(await confirmation.BookAsync(candidate, $"agent:{formKey}", by, cancellationToken));
    }

    /// <summary>Books the group's seats for its people, checked as the citizen site checks a family's booking: every
    /// person's details (one contact for all), screening and eligibility first, then all booked or none.</summary>
    /// <returns>Null when the holds are not one group's at a clinic where the agent may act for callers.</returns>
    public async Task<AgentBookingResult?> ConfirmGroupAsync(StaffActor actor, GroupDetailsInput input, CancellationToken cancellationToken = default)
    {
        // The seats of one group are at one clinic-day, for one service.
        var keys = input.HoldIds.Select(id => HoldId.TryParse(id, out var day, out var code) ? $"{day}|{code}" : null).Distinct().ToList();
        if (keys is not [not null] || !HoldId.TryParse(input.HoldIds[0], out var groupDay, out var serviceCode)
            || await ClinicAsync(actor, groupDay.LocationId, cancellationToken) is not var (reference, clinic)
            || !InRange(groupDay.Date, clinic.DateOf(clock.GetUtcNow()).AddDays(-1))
            || reference.ServiceAt(clinic.Id, serviceCode) is not { } service)
            return null;
        var errors = new ValidationErrors();
        if (input.HoldIds.Count is < GroupHolds.MinPeople or > GroupHolds.MaxPeople || input.HoldIds.Distinct().Count() != input.HoldIds.Count
            || input.People.Count != input.HoldIds.Count)
            errors.Add("people", ErrorCodes.OutOfRange, "One person per seat held for the group.");
        if (!input.Consent)
            errors.Add("consent", ErrorCodes.ConsentRequired, "The caller must agree to the use of these details for these appointments.");
        if (!Guid.TryParse(input.FormKey, out var formKey))
            errors.Add("formKey", ErrorCodes.Required, "The form's key is missing.");
        // Every person is checked even when the contact is not, so the agent sees every field to correct at once.
        var contact = validator.ValidateContact(new ContactBody(input.Email, input.Phone, input.Language, input.EmailConsent), errors);
        var questions = reference.ScreeningAt(clinic.Id, serviceCode);
        var candidates = new List<HeldSlotConfirmation.Candidate>();
        for (var i = 0; i < Math.Min(input.People.Count, input.HoldIds.Count); i++)
            if (group.Read(i, input.HoldIds[i]!, groupDay, clinic.TenantId, service.Service, questions, input.People[i], contact, errors) is { } candidate)
                candidates.Add(candidate);
        if (errors.Any)
            return new AgentBookingResult.Invalid(errors);

        var (eligible, refusals) = await group.CheckAsync(candidates, cancellationToken);
        if (refusals.Count > 0)
            return new AgentBookingResult.GroupNotEligible(refusals);
        var by = new HeldSlotConfirmation.Confirmer(actor.SourceIp, BookingChannel.Agent, actor.AuditName);
        return await group.ConfirmAsync(eligible, $"agent:{formKey}", by, cancellationToken) switch
        {
            GroupConfirmationOutcome.Booked { Bookings: var bookings } =>
                new AgentBookingResult.GroupBooked(bookings.Select(b => new AgentBookingResult.Booked(b.ConfirmationCode, b.Start)).ToList()),
            GroupConfirmationOutcome.NotBooked failed => new AgentBookingResult.GroupNotBooked(failed.Person, Of(failed.Reason)),
            _ => throw new UnreachableException(),
        };
    }

    private static AgentBookingResult Of(ConfirmationOutcome outcome) => outcome switch
    {
        ConfirmationOutcome.Booked { Booking: var booking } => new AgentBookingResult.Booked(booking.ConfirmationCode, booking.Start),
        ConfirmationOutcome.NotEligible { Reason: var reason } => new AgentBookingResult.NotEligible(reason),
        ConfirmationOutcome.SlotTaken => new AgentBookingResult.SlotTaken(),
        ConfirmationOutcome.KeyReused => new AgentBookingResult.AlreadySent(),
        _ => new AgentBookingResult.HoldExpired(),
    };

    /// <summary>The questions the caller answers before the held slot is booked (none for most services).</summary>
    public async Task<IReadOnlyList<ScreeningQuestion>> ScreeningAsync(string? holdId, CancellationToken cancellationToken = default) =>
        HoldId.TryParse(holdId, out var day, out var serviceCode)
            ? (await referenceData.GetAsync(cancellationToken)).ScreeningAt(day.LocationId, serviceCode)
            : [];

    private async Task<(ReferenceData.Snapshot Reference, Location Clinic)?> ClinicAsync(StaffActor actor, Guid clinicId, CancellationToken cancellationToken)
    {
        if (!await access.AllowsAsync(actor.UserId, StaffPermission.ActForCallers, StaffScope.OfLocation(clinicId), cancellationToken))
            return null;
        var reference = await referenceData.GetAsync(cancellationToken);
        return reference.Locations.TryGetValue(clinicId, out var clinic) && clinic.IsOpen ? (reference, clinic) : null;
    }

    private static List<EffectiveService> OfferedAt(ReferenceData.Snapshot reference, Guid clinicId) =>
        reference.Services.Keys.Select(code => reference.ServiceAt(clinicId, code)).OfType<EffectiveService>().Where(s => s.Offered.Value)
            .OrderBy(s => s.Service.Code, StringComparer.Ordinal).ToList();

    private static bool InRange(DateOnly day, DateOnly today) => day >= today && day <= today.AddDays(BookingHorizon.Days);
}
