using Booking.Data.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Domain.Eligibility;
using Booking.Domain.Screening;
using Booking.Domain.Validation;
using Booking.Grains.Inventory;

namespace Booking.ClusterClient.Bookings;

/// <summary>
/// A group's held seats booked for its people (held with <see cref="GroupHolds"/>), whoever books them (a citizen for
/// their family, an agent for a caller's): every person is checked (details against the group's one contact, their own
/// screening answers and priority groups, eligibility) before anything is confirmed, errors keyed by person
/// (<c>people[1].birthDate</c>), and the group is confirmed whole or not at all.
/// </summary>
public sealed class HeldGroupConfirmation(CitizenValidator validator, HeldSlotConfirmation confirmation)
{
    /// <summary>One person of the group as typed: who they are, their answers to the screening questions (by question
    /// id, yes = true) and the priority groups they declare.</summary>
    public sealed record Member(PersonBody? Person, IReadOnlyDictionary<string, bool?>? Screening, IReadOnlyList<string?>? PriorityGroups);

    /// <summary>The person at <paramref name="index"/> for their held seat; null when anything is wrong, said in
    /// <paramref name="errors"/> under <c>people[index].…</c> (a screening answer that stops the booking included).</summary>
    /// <param name="contact">The group's one contact, null when it was invalid.</param>
    /// <param name="tenantId">The tenant of the clinic, whose key seals the person's details.</param>
    public HeldSlotConfirmation.Candidate? Read(int index, string holdId, LocationDayKey day, Guid tenantId, Service service,
        IReadOnlyList<ScreeningQuestion> questions, Member? member, CitizenValidator.Contact? contact, ValidationErrors errors)
    {
        var prefix = $"people[{index}]";
        var citizen = validator.ValidatePerson(member?.Person, contact, errors, prefix);
        var reading = DeclarationReader.Read(questions, member?.Screening, member?.PriorityGroups, errors, $"{prefix}.");
        if (reading?.BlockedBy is { } blocking)
            errors.Add($"{prefix}.screening.{blocking.Id}", ErrorCodes.ScreeningBlocked, blocking.ExplanationEn ?? blocking.TextEn);
        return citizen is not null && reading is not null ? new HeldSlotConfirmation.Candidate(holdId, day, tenantId, service, citizen, reading.Declarations) : null;
    }

    /// <summary>Every person's eligibility; the group goes on only when <c>Refusals</c> is empty.</summary>
    public async Task<(IReadOnlyList<HeldSlotConfirmation.Eligible> Eligible, IReadOnlyList<(int Person, EligibilityResult Reason)> Refusals)> CheckAsync(
        IReadOnlyList<HeldSlotConfirmation.Candidate> group, CancellationToken cancellationToken)
    {
        var eligible = new List<HeldSlotConfirmation.Eligible>();
        var refusals = new List<(int, EligibilityResult)>();
        for (var i = 0; i < group.Count; i++)
        {
            var (ready, refusal) = await confirmation.CheckAsync(group[i], cancellationToken);
            if (refusal is not null)
                refusals.Add((i, refusal));
            else
                eligible.Add(ready!);
        }
        return (eligible, refusals);
    }

    /// <summary>One after the other; the first failure undoes those already confirmed, so nothing of the group stays booked.</summary>
    /// <param name="idempotencyKey">A retry with the same key gets the same bookings.</param>
    public async Task<GroupConfirmationOutcome> ConfirmAsync(IReadOnlyList<HeldSlotConfirmation.Eligible> group, string? idempotencyKey,
        HeldSlotConfirmation.Confirmer by, CancellationToken cancellationToken)
    {
        var confirmed = new List<(LocationDayKey Day, BookingConfirmation Booking)>();
        for (var i = 0; i < group.Count; i++)
        {
            var key = idempotencyKey is null ? null : $"{idempotencyKey}/group/{i}";
            var result = await confirmation.ConfirmAsync(group[i], key, by);
            if (result is ConfirmResult.Confirmed { Booking: var booking })
            {
                confirmed.Add((group[i].Candidate.Day, booking));
                continue;
            }
            foreach (var (day, done) in confirmed)
                await confirmation.UndoAsync(day, done);
            var why = await confirmation.WhyNotAsync(result, group[i].Candidate, cancellationToken);
            return new GroupConfirmationOutcome.NotBooked(i, why, confirmed.Select(c => c.Booking.ConfirmationCode).ToList());
        }
        return new GroupConfirmationOutcome.Booked(confirmed.Select(c => c.Booking).ToList());
    }
}

/// <summary>What became of a group's held seats sent for booking: all booked, or none.</summary>
public abstract record GroupConfirmationOutcome
{
    public sealed record Booked(IReadOnlyList<BookingConfirmation> Bookings) : GroupConfirmationOutcome;

    /// <summary><see cref="Person"/>'s booking failed for <see cref="Reason"/>; the bookings confirmed before it were
    /// cancelled (<see cref="CancelledCodes"/>), so nothing of the group is booked.</summary>
    public sealed record NotBooked(int Person, ConfirmationOutcome Reason, IReadOnlyList<string> CancelledCodes) : GroupConfirmationOutcome;
}
