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
/// A citizen booking for several family members at once (held with <see cref="CitizenHolds.HoldGroupAsync"/>): every
/// person is checked (details, screening, eligibility) before anything is confirmed, errors keyed by person
/// (<c>people[1].birthDate</c>), and the group is confirmed whole or not at all.
/// </summary>
public sealed class CitizenGroupBookings(ReferenceData referenceData, CitizenValidator validator, HeldSlotConfirmation confirmation,
    ManageTokens tokens, BookingWindow window)
{
    /// <param name="idempotencyKey">A retry with the same key gets the same bookings.</param>
    public async Task<Outcome<GroupBookingResponse>> ConfirmAsync(GroupBookingRequest? body, string? idempotencyKey, IPAddress? sourceIp,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var holdIds = body?.HoldIds ?? [];
        var people = body?.People ?? [];
        if (holdIds.Count is < CitizenHolds.MinGroup or > CitizenHolds.MaxGroup)
            errors.Add("holdIds", holdIds.Count == 0 ? ErrorCodes.Required : ErrorCodes.OutOfRange,
                $"Give the {CitizenHolds.MinGroup} to {CitizenHolds.MaxGroup} holdIds of the group hold.");
        else if (holdIds.Distinct().Count() != holdIds.Count)
            errors.Add("holdIds", ErrorCodes.DuplicateHold, "Each person needs a hold of their own: a holdId appears twice.");
        if (people.Count != holdIds.Count)
            errors.Add("people", ErrorCodes.OutOfRange, "Give one person per holdId, in the same order.");
        if (body?.Consent is not true)
            errors.Add("consent", ErrorCodes.ConsentRequired, "We need your consent to use these details for these appointments.");
        var contact = validator.ValidateContact(body?.Contact, errors);
        if (errors.Any)
            return errors;

        var reference = await referenceData.GetAsync(cancellationToken);
        var candidates = new List<HeldSlotConfirmation.Candidate>();
        for (var i = 0; i < people.Count; i++)
        {
            var prefix = $"people[{i}]";
            var citizen = validator.ValidatePerson(people[i]?.ToPerson(), contact, errors, prefix);
            if (!window.TryReadHoldId(holdIds[i], out var day, out var serviceCode) || reference.ServiceAt(day.LocationId, serviceCode)?.Service is not { } service)
            {
                errors.Add($"holdIds[{i}]", ErrorCodes.UnknownHold, "This is not a holdId from the group hold.");
                continue;
            }
            var reading = DeclarationReader.Read(reference.ScreeningAt(day.LocationId, service.Code), people[i]?.Screening, people[i]?.PriorityGroups, errors, $"{prefix}.");
            if (reading?.BlockedBy is { } blocking)
                errors.Add($"{prefix}.screening.{blocking.Id}", ErrorCodes.ScreeningBlocked, blocking.ExplanationEn ?? blocking.TextEn);
            if (citizen is not null && reading is not null)
                candidates.Add(new HeldSlotConfirmation.Candidate(holdIds[i]!, day, reference.Locations[day.LocationId].TenantId, service, citizen, reading.Declarations));
        }
        if (errors.Any)
            return errors;

        var eligible = new List<HeldSlotConfirmation.Eligible>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (ready, refusal) = await confirmation.CheckAsync(candidates[i], cancellationToken);
            if (refusal is not null)
                AddRefusal(errors, $"people[{i}]", refusal);
            else
                eligible.Add(ready!);
        }
        if (errors.Any)
            return errors;
        return await ConfirmAllAsync(eligible, idempotencyKey, sourceIp, reference, cancellationToken);
    }

    /// <summary>One after the other; the first failure undoes those already confirmed and releases the rest.</summary>
    private async Task<Outcome<GroupBookingResponse>> ConfirmAllAsync(List<HeldSlotConfirmation.Eligible> group, string? idempotencyKey,
        IPAddress? sourceIp, ReferenceData.Snapshot reference, CancellationToken cancellationToken)
    {
        var confirmed = new List<(LocationDayKey Day, BookingConfirmation Booking)>();
        for (var i = 0; i < group.Count; i++)
        {
            var key = idempotencyKey is null ? null : $"{idempotencyKey}/group/{i}";
            var result = await confirmation.ConfirmAsync(group[i], key, new HeldSlotConfirmation.Confirmer(sourceIp));
            if (result is ConfirmResult.Confirmed { Booking: var booking })
            {
                confirmed.Add((group[i].Candidate.Day, booking));
                continue;
            }
            foreach (var (day, done) in confirmed)
                await confirmation.UndoAsync(day, done);
            var refusal = Refusal.Of(await confirmation.WhyNotAsync(result, group[i].Candidate, cancellationToken));
            return new Refusal.GroupNotConfirmed(i, refusal, confirmed.Select(c => c.Booking.ConfirmationCode).ToList());
        }
        return new GroupBookingResponse(confirmed.Select(c => BookingCreated.Response(c.Booking, reference.Locations[c.Booking.LocationId], tokens)).ToList());
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
