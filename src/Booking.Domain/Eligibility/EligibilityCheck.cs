using Booking.Domain.Catalog;

namespace Booking.Domain.Eligibility;

/// <summary>A citizen's earlier appointment, as far as eligibility is concerned.</summary>
public readonly record struct PreviousAppointment(string ServiceCode, DateOnly Date);

public static class EligibilityCheck
{
    /// <param name="campaigns">When the service is booked by campaign: its campaigns and the citizen's declared groups.</param>
    public static EligibilityResult Evaluate(
        EligibilityRule rule, DateOnly birthDate, DateOnly appointmentDate, IEnumerable<PreviousAppointment> history,
        CampaignAccess? campaigns = null)
    {
        var age = AgeOn(birthDate, appointmentDate);
        if (rule.MinAgeYears is { } min && age < min)
            return new EligibilityResult.TooYoung(min);
        if (rule.MaxAgeYears is { } max && age > max)
            return new EligibilityResult.TooOld(max);
        if (campaigns?.Refusal(age) is { } closed)
            return closed;
        if (rule.MinimumInterval is { } interval)
        {
            // Less than the interval apart either way: booking the later dose first must not open the earlier date.
            var latest = history.Where(h => h.ServiceCode == interval.SinceServiceCode
                                            && h.Date > appointmentDate.AddDays(-interval.Days) && h.Date < appointmentDate.AddDays(interval.Days))
                                .Select(h => (DateOnly?)h.Date).Max();
            if (latest is { } last && appointmentDate < last.AddDays(interval.Days))
                return new EligibilityResult.TooSoon(interval.SinceServiceCode, last.AddDays(interval.Days));
        }
        return EligibilityResult.Yes;
    }

    /// <summary>Completed years on <paramref name="on"/>; someone born on 29 February turns a year older on 1 March
    /// in common years.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        if (on.Month < birthDate.Month || (on.Month == birthDate.Month && on.Day < birthDate.Day))
            age--;
        return age;
    }
}
