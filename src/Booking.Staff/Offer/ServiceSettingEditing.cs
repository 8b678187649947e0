using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Booking.Data.Offer;
using Booking.Domain.Catalog;
using Booking.Domain.Screening;

namespace Booking.Staff.Offer;

/// <summary>One screening question as typed; a row left empty is no question.</summary>
public sealed class QuestionInput
{
    public string? Id { get; set; }
    public string? TextFr { get; set; }
    public string? TextEn { get; set; }
    /// <summary>"yes" or "no": the answer that stops the booking; empty when the answer only informs the clinic.</summary>
    public string? Blocking { get; set; }
    public string? ExplanationFr { get; set; }
    public string? ExplanationEn { get; set; }

    public bool IsEmpty => new[] { Id, TextFr, TextEn, Blocking, ExplanationFr, ExplanationEn }.All(string.IsNullOrWhiteSpace);
}

/// <summary>A tenant's setting of a service as typed; every field left empty (or "inherit") takes the value above.</summary>
public sealed class ServiceSettingInput
{
    public const int BlankQuestions = 3;

    public string? Offered { get; set; }
    public string? NameFr { get; set; }
    public string? NameEn { get; set; }
    public string? PreparationFr { get; set; }
    public string? PreparationEn { get; set; }
    public string? MinAgeYears { get; set; }
    public string? MaxAgeYears { get; set; }
    /// <summary>"own" when this tenant's questions replace the inherited ones.</summary>
    public string? Screening { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
    public int Version { get; set; }

    /// <summary>The form as posted, with its rows as they were (a row the browser left out is empty) and room for more.</summary>
    public ServiceSettingInput WithBlankRows()
    {
        Questions = [.. (Questions ?? []).Select(q => q ?? new QuestionInput()), .. Enumerable.Range(0, BlankQuestions).Select(_ => new QuestionInput())];
        return this;
    }

    public static ServiceSettingInput From(StoredServiceSetting? own) => new()
    {
        Offered = own?.Setting.Offered switch { true => "yes", false => "no", _ => "" },
        NameFr = own?.Setting.NameFr, NameEn = own?.Setting.NameEn, PreparationFr = own?.Setting.PreparationFr, PreparationEn = own?.Setting.PreparationEn,
        MinAgeYears = own?.Setting.MinAgeYears?.ToString(CultureInfo.InvariantCulture), MaxAgeYears = own?.Setting.MaxAgeYears?.ToString(CultureInfo.InvariantCulture),
        Screening = own?.Setting.Screening is null ? "" : "own",
        Questions = [.. (own?.Setting.Screening ?? []).Select(q => new QuestionInput
        {
            Id = q.Id, TextFr = q.TextFr, TextEn = q.TextEn, Blocking = q.BlockingAnswer switch { true => "yes", false => "no", _ => "" },
            ExplanationFr = q.ExplanationFr, ExplanationEn = q.ExplanationEn,
        }), .. Enumerable.Range(0, BlankQuestions).Select(_ => new QuestionInput())],
        Version = own?.Version ?? 0,
    };
}

public abstract record SettingSaveResult
{
    public sealed record Saved : SettingSaveResult;
    public sealed record Invalid(FormErrors Errors) : SettingSaveResult;
    public sealed record Stale : SettingSaveResult;
    public sealed record NotFound : SettingSaveResult;
}

/// <summary>Saves what a tenant sets about a service. A service its clinics still offer cannot be withdrawn.</summary>
public sealed partial class ServiceSettingEditing(TenantServices services, TenantTree tree, ServiceOfferRepository offers)
{
    public async Task<SettingSaveResult> SaveAsync(ClaimsPrincipal user, OfferActor actor, Guid tenantId, string serviceCode, ServiceSettingInput input,
        CancellationToken cancellationToken = default)
    {
        if (await services.ForAsync(user, tenantId, cancellationToken) is not { } view
            || view.Services.FirstOrDefault(s => s.Effective.Catalogue.Code == serviceCode) is not { } current)
            return new SettingSaveResult.NotFound();
        var errors = new FormErrors();
        var setting = Read(tenantId, serviceCode, input, errors);
        if (setting?.Offered == false)
        {
            var subtree = await tree.SubtreeAsync(tenantId, cancellationToken);
            if (await offers.ClinicsOfferingAsync(subtree.Select(t => t.Id).ToList(), serviceCode, cancellationToken) is { Count: > 0 } clinics)
                errors.Add(nameof(input.Offered), "Offer.Service.StillOffered", string.Join(", ", clinics));
        }
        if (errors.Any)
            return new SettingSaveResult.Invalid(errors);
        return await offers.SaveAsync(setting!, input.Version, current.Own, actor, cancellationToken)
            ? new SettingSaveResult.Saved() : new SettingSaveResult.Stale();
    }

    private static ServiceSetting? Read(Guid tenantId, string serviceCode, ServiceSettingInput input, FormErrors errors)
    {
        bool? offered = input.Offered switch { "yes" => true, "no" => false, _ => null };
        var minAge = Age(input.MinAgeYears, nameof(input.MinAgeYears), errors);
        var maxAge = Age(input.MaxAgeYears, nameof(input.MaxAgeYears), errors);
        if (minAge is { } min && maxAge is { } max && min > max)
            errors.Add(nameof(input.MaxAgeYears), "Offer.Service.AgesReversed");
        var questions = input.Screening == "own" ? Questions(input.Questions, errors) : null;
        return errors.Any ? null : new ServiceSetting(tenantId, serviceCode, offered, Optional(input.NameFr, nameof(input.NameFr), 200, errors),
            Optional(input.NameEn, nameof(input.NameEn), 200, errors), Optional(input.PreparationFr, nameof(input.PreparationFr), 1000, errors),
            Optional(input.PreparationEn, nameof(input.PreparationEn), 1000, errors), minAge, maxAge, questions);
    }

    private static List<ScreeningQuestion> Questions(List<QuestionInput> rows, FormErrors errors)
    {
        var questions = new List<ScreeningQuestion>();
        for (var i = 0; i < rows.Count; i++)
        {
            // A row the form binder could not fill may still be null, whatever the list's type says.
            var row = rows[i];
            if (row is null || row.IsEmpty)
                continue;
            var field = $"Questions[{i}]";
            var id = row.Id?.Trim() ?? "";
            if (!QuestionId().IsMatch(id))
                errors.Add($"{field}.Id", "Offer.Service.QuestionIdInvalid");
            else if (questions.Any(q => q.Id == id))
                errors.Add($"{field}.Id", "Offer.Service.QuestionIdTaken");
            if (string.IsNullOrWhiteSpace(row.TextFr))
                errors.Add($"{field}.TextFr", "Offer.Required");
            if (string.IsNullOrWhiteSpace(row.TextEn))
                errors.Add($"{field}.TextEn", "Offer.Required");
            bool? blocking = row.Blocking switch { "yes" => true, "no" => false, _ => null };
            if (blocking is not null && string.IsNullOrWhiteSpace(row.ExplanationFr))
                errors.Add($"{field}.ExplanationFr", "Offer.Service.ExplanationRequired");
            if (blocking is not null && string.IsNullOrWhiteSpace(row.ExplanationEn))
                errors.Add($"{field}.ExplanationEn", "Offer.Service.ExplanationRequired");
            questions.Add(new ScreeningQuestion(id, 1, questions.Count + 1, row.TextFr?.Trim() ?? "", row.TextEn?.Trim() ?? "", blocking,
                blocking is null ? null : row.ExplanationFr?.Trim(), blocking is null ? null : row.ExplanationEn?.Trim()));
        }
        return questions;
    }

    private static int? Age(string? text, string field, FormErrors errors) =>
        string.IsNullOrWhiteSpace(text) ? null : FormValues.Number(text, field, 0, 130, errors);

    private static string? Optional(string? text, string field, int max, FormErrors errors)
    {
        var trimmed = text?.Trim();
        if (trimmed is { Length: > 0 } && trimmed.Length > max)
            errors.Add(field, "Offer.TooLong", max);
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    [GeneratedRegex("^[a-z0-9-]{2,40}$")]
    private static partial Regex QuestionId();
}
