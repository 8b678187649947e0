using System.Globalization;
using Booking.Data.Offer;

namespace Booking.Staff.Offer;

/// <summary>One weekday's hours as typed: a window, and a second one after a break.</summary>
public sealed class DayHoursInput
{
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? Opens2 { get; set; }
    public string? Closes2 { get; set; }
}

/// <summary>A weekly template's form as typed; <see cref="Days"/> runs Monday to Sunday.</summary>
public sealed class TemplateInput
{
    public string? ServiceCode { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidUntil { get; set; }
    public string? SlotMinutes { get; set; }
    public string? Capacity { get; set; }
    public List<DayHoursInput> Days { get; set; } = Enumerable.Range(0, 7).Select(_ => new DayHoursInput()).ToList();
    public int Version { get; set; }

    public static IReadOnlyList<DayOfWeek> Weekdays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static TemplateInput From(WeeklyTemplate template) => new()
    {
        ServiceCode = template.ServiceCode, ValidFrom = FormValues.Text(template.ValidFrom), ValidUntil = FormValues.Text(template.ValidUntil),
        SlotMinutes = template.SlotMinutes.ToString(CultureInfo.InvariantCulture), Capacity = template.Capacity.ToString(CultureInfo.InvariantCulture), Version = template.Version,
        Days = Weekdays.Select(day => template.Hours.Where(h => h.Day == day).OrderBy(h => h.Opens).ToList()).Select(hours => new DayHoursInput
        {
            Opens = FormValues.Text(hours.ElementAtOrDefault(0)?.Opens), Closes = FormValues.Text(hours.ElementAtOrDefault(0)?.Closes),
            Opens2 = FormValues.Text(hours.ElementAtOrDefault(1)?.Opens), Closes2 = FormValues.Text(hours.ElementAtOrDefault(1)?.Closes),
        }).ToList(),
    };
}

/// <summary>Turns a weekly template's form into a change of the schedule, or says what is wrong with it.</summary>
public static class TemplateEditing
{
    public static ScheduleEdit.SaveTemplate? Read(Guid templateId, TemplateInput input, IReadOnlyCollection<string> services, OfferSchedule current,
        FormErrors errors)
    {
        if (input.ServiceCode is null || !services.Contains(input.ServiceCode))
            errors.Add(nameof(input.ServiceCode), "Offer.Template.ServiceRequired");
        var validFrom = FormValues.Date(input.ValidFrom, nameof(input.ValidFrom), errors);
        var validUntil = FormValues.Date(input.ValidUntil, nameof(input.ValidUntil), errors, required: false);
        if (validFrom is { } from && validUntil is { } until && until < from)
            errors.Add(nameof(input.ValidUntil), "Offer.Template.UntilBeforeFrom");
        var slotMinutes = FormValues.Number(input.SlotMinutes, nameof(input.SlotMinutes), 5, 480, errors);
        var capacity = FormValues.Number(input.Capacity, nameof(input.Capacity), 1, 1000, errors);
        var hours = Hours(input, slotMinutes ?? 5, errors);
        if (errors.Any)
            return null;

        var template = new WeeklyTemplate(templateId, input.ServiceCode!, slotMinutes!.Value, capacity!.Value, validFrom!.Value, validUntil, hours, input.Version);
        foreach (var other in current.Templates.Where(t => t.Id != templateId && Overlap(t, template)))
            errors.Add(nameof(input.ValidFrom), "Offer.Template.Overlaps", FormValues.Text(other.ValidFrom), FormValues.Text(other.ValidUntil));
        return errors.Any ? null : new ScheduleEdit.SaveTemplate(template);
    }

    private static List<TemplateHours> Hours(TemplateInput input, int slotMinutes, FormErrors errors)
    {
        var hours = new List<TemplateHours>();
        for (var i = 0; i < TemplateInput.Weekdays.Count; i++)
        {
            var day = input.Days?.ElementAtOrDefault(i) ?? new DayHoursInput();
            var first = Window(day.Opens, day.Closes, $"Days[{i}].Opens", $"Days[{i}].Closes", slotMinutes, errors);
            var second = Window(day.Opens2, day.Closes2, $"Days[{i}].Opens2", $"Days[{i}].Closes2", slotMinutes, errors);
            if (first is null && second is not null)
                errors.Add($"Days[{i}].Opens", "Offer.Template.SecondWithoutFirst");
            else if (first is { } a && second is { } b && b.Opens < a.Closes)
                errors.Add($"Days[{i}].Opens2", "Offer.Template.SecondBeforeFirstEnds");
            hours.AddRange(new[] { first, second }.OfType<(TimeOnly Opens, TimeOnly Closes)>()
                .Select(w => new TemplateHours(TemplateInput.Weekdays[i], w.Opens, w.Closes)));
        }
        if (hours.Count == 0 && !errors.Any)
            errors.Add("Days[0].Opens", "Offer.Template.NoHours");
        return hours;
    }

    private static (TimeOnly Opens, TimeOnly Closes)? Window(string? opens, string? closes, string opensField, string closesField, int slotMinutes,
        FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(opens) && string.IsNullOrWhiteSpace(closes))
            return null;
        var from = FormValues.Time(opens, opensField, errors);
        var until = FormValues.Time(closes, closesField, errors);
        if (from is not { } a || until is not { } b)
            return null;
        if (b <= a)
            errors.Add(closesField, "Offer.Template.ClosesBeforeOpens");
        else if ((b - a).TotalMinutes < slotMinutes)
            errors.Add(closesField, "Offer.Template.ShorterThanSlot", slotMinutes);
        else
            return (a, b);
        return null;
    }

    /// <summary>Two templates of one service that could lay slots over each other: the slot engine would keep only one.</summary>
    private static bool Overlap(WeeklyTemplate a, WeeklyTemplate b) =>
        a.ServiceCode == b.ServiceCode
        && a.ValidFrom <= (b.ValidUntil ?? DateOnly.MaxValue) && b.ValidFrom <= (a.ValidUntil ?? DateOnly.MaxValue)
        && a.Hours.Any(x => b.Hours.Any(y => x.Day == y.Day && x.Opens < y.Closes && y.Opens < x.Closes));
}
