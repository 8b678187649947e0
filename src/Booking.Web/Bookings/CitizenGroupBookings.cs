using System.Diagnostics;
using System.Net;
using Booking.ClusterClient.Bookings;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Domain.Citizens;
using Booking.Domain.Eligibility;
using Booking.Domain.Validation;
using Booking.Grains.Inventory;
using Booking.Web.Infrastructure;

namespace Booking.Web.Bookings;

/// <summary>
/// A citizen booking for several family members at once (held with <see cref="CitizenHolds.HoldGroupAsync"/>), by the
/// rules every host shares (<see cref="HeldGroupConfirmation"/>): every person checked before anything is confirmed,
/// and the group confirmed whole or not at all.
/// </summary>
public sealed class CitizenGroupBookings(ReferenceData referenceData, CitizenValidator validator, HeldGroupConfirmation group, ManageTokens tokens,
    BookingWindow window)
{
    /// <param name="idempotencyKey">A retry with the same key gets the same bookings.</param>
    public async Task<Outcome<GroupBookingResponse>> ConfirmAsync(GroupBookingRequest? body, string? idempotencyKey, IPAddress? sourceIp,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var holdIds = body?.HoldIds ?? [];
        var people = body?.People ?? [];
        if (holdIds.Count is < GroupHolds.MinPeople or > GroupHolds.MaxPeople)
            errors.Add("holdIds", holdIds.Count == 0 ? ErrorCodes.Required : ErrorCodes.OutOfRange,
                $"Give the {GroupHolds.MinPeople} to {GroupHolds.MaxPeople} holdIds of the group hold.");
        else if (holdIds.Distinct().Count() != holdIds.Count)
            errors.Add("holdIds", ErrorCodes.DuplicateHold, "Each person needs a hold of their own: a holdId appears twice.");
        if (people.Count != holdIds.Count)
            errors.Add("people", ErrorCodes.OutOfRange, "Give one person per holdId, in the same order.");
        if (body?.Consent is not true)
            errors.Add("consent", ErrorCodes.ConsentRequired, "We need your consent to use these details for these appointments.");
        var contact = validator.ValidateContact(body?.Contact, errors) is { } valid
            ? valid with { Fsa = validator.PostalArea(body?.PostalCode, errors) } : null;
        if (errors.Any)
            return errors;

        var reference = await referenceData.GetAsync(cancellationToken);
        var candidates = new List<HeldSlotConfirmation.Candidate>();
        for (var i = 0; i < people.Count; i++)
        {
            var member = people[i] is { } person ? new HeldGroupConfirmation.Member(person.ToPerson(), person.Screening, person.PriorityGroups) : null;
            if (!window.TryReadHoldId(holdIds[i], out var day, out var serviceCode) || reference.ServiceAt(day.LocationId, serviceCode)?.Service is not { } service)
            {
                validator.ValidatePerson(member?.Person, contact, errors, $"people[{i}]");
                errors.Add($"holdIds[{i}]", ErrorCodes.UnknownHold, "This is not a holdId from the group hold.");
                continue;
            }
            if (group.Read(i, holdIds[i]!, day, reference.Locations[day.LocationId].TenantId, service, reference.ScreeningAt(day.LocationId, service.Code), member, contact, errors) is { } candidate)
                candidates.Add(candidate);
        }
        if (errors.Any)
            return errors;

        var (eligible, refusals) = await group.CheckAsync(candidates, cancellationToken);
        foreach (var (person, refusal) in refusals)
            AddRefusal(errors, $"people[{person}]", refusal);
        if (errors.Any)
            return errors;
        var by = new HeldSlotConfirmation.Confirmer(sourceIp);
        return await group.ConfirmAsync(eligible, idempotencyKey, by, cancellationToken) switch
        {
            GroupConfirmationOutcome.Booked { Bookings: var bookings } =>
                new GroupBookingResponse(bookings.Select(b => BookingCreated.Response(b, reference.Locations[b.LocationId], tokens)).ToList()),
            GroupConfirmationOutcome.NotBooked failed => new Refusal.GroupNotConfirmed(failed.Person, Refusal.Of(failed.Reason), failed.CancelledCodes),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>An eligibility refusal as an error on the field it is about, with the refusal's reason as code.</summary>
    private static void AddRefusal(ValidationErrors errors, string prefix, EligibilityResult refusal)
    {
        var problem = Problems.NotEligible(refusal);
        var field = refusal switch
        {
            EligibilityResult.TooYoung or EligibilityResult.TooOld => $"{prefix}.birthDate",
            EligibilityResult.NotInOpenGroups => $"{prefix}.priorityGroups",
            _ => prefix,
        };
        errors.Add(field, (string)problem.Extensions["reason"]!, problem.Detail!);
    }
}
