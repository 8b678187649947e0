using Booking.Data.Infrastructure;
using Npgsql;

namespace Booking.Data.Demo;

/// <summary>
/// The demo's screening questions and its COVID-19 campaign. Every question but one blocks on "yes", so answering
/// "no" everywhere (and "yes" to BLOOD's prescription question) passes; the campaign is open to people 60 and over,
/// health workers and people with a chronic condition, so a 40-year-old who declares nothing is refused.
/// </summary>
internal static class DemoCitizenServices
{
    public static readonly Guid CovidCampaign = new("30000000-0000-4000-8000-000000000001");

    private const string FeverFr = "Revenez quand vous n'aurez plus de fièvre ni de symptômes depuis au moins 24 heures, puis prenez un nouveau rendez-vous.";
    private const string FeverEn = "Come back once you have had no fever or symptoms for at least 24 hours, then book again.";
    private const string AllergyFr = "Appelez Info-Santé au 811 avant de prendre rendez-vous : une évaluation est nécessaire.";
    private const string AllergyEn = "Call Info-Santé at 811 before booking: you need an assessment first.";

    private static readonly (string Service, string Id, int Position, string Fr, string En, bool? Blocks, string? WhyFr, string? WhyEn)[] Questions =
    [
        ("COVID19", "fever", 1, "Avez-vous de la fièvre ou des symptômes de la COVID-19 aujourd'hui ?",
            "Do you have a fever or COVID-19 symptoms today?", true, FeverFr, FeverEn),
        ("COVID19", "severe-allergy", 2, "Avez-vous déjà eu une réaction allergique grave (anaphylaxie) à une dose précédente d'un vaccin ?",
            "Have you ever had a severe allergic reaction (anaphylaxis) to a previous dose of a vaccine?", true, AllergyFr, AllergyEn),
        ("COVID19", "recent-infection", 3, "Avez-vous eu la COVID-19 au cours des 3 derniers mois ?",
            "Have you had COVID-19 in the last 3 months?", true,
            "Attendez 3 mois après l'infection avant de recevoir une dose.", "Wait 3 months after the infection before getting a dose."),
        ("COVID19", "immunosuppressed", 4, "Êtes-vous immunodéprimé(e) ou sous traitement qui affaiblit l'immunité ?",
            "Are you immunocompromised or on a treatment that weakens immunity?", null, null, null),
        ("FLU", "fever", 1, "Avez-vous de la fièvre aujourd'hui ?", "Do you have a fever today?", true, FeverFr, FeverEn),
        ("FLU", "severe-allergy", 2, "Avez-vous déjà eu une réaction allergique grave (anaphylaxie) à une dose précédente d'un vaccin ?",
            "Have you ever had a severe allergic reaction (anaphylaxis) to a previous dose of a vaccine?", true, AllergyFr, AllergyEn),
        ("FLU", "guillain-barre", 3, "Avez-vous eu le syndrome de Guillain-Barré dans les 6 semaines suivant un vaccin contre la grippe ?",
            "Did you have Guillain-Barré syndrome within 6 weeks of a flu shot?", true, AllergyFr, AllergyEn),
        ("BLOOD", "requisition", 1, "Avez-vous l'ordonnance (requête) de votre médecin pour ce prélèvement ?",
            "Do you have your doctor's requisition for this blood test?", false,
            "Un prélèvement sanguin demande une ordonnance. Demandez-la à votre médecin, puis prenez rendez-vous.",
            "A blood test needs a requisition. Ask your doctor for one, then book."),
        ("BLOOD", "anticoagulants", 2, "Prenez-vous des anticoagulants ?", "Do you take blood thinners (anticoagulants)?", null, null, null),
    ];

    public static async Task ApplyAsync(NpgsqlConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var q in Questions)
            await connection.ExecuteNpgsqlAsync("""
                insert into screening_questions (service_code, id, position, text_fr, text_en, blocking_answer, explanation_fr, explanation_en)
                values (@service, @id, @position, @fr, @en, @blocks, @whyFr, @whyEn)
                on conflict (service_code, id) do nothing
                """, cancellationToken, ("service", q.Service), ("id", q.Id), ("position", q.Position), ("fr", q.Fr), ("en", q.En),
                ("blocks", (object?)q.Blocks ?? DBNull.Value), ("whyFr", (object?)q.WhyFr ?? DBNull.Value), ("whyEn", (object?)q.WhyEn ?? DBNull.Value));

        // Opened the day before the first seed, never closes: the demo is always mid-campaign. The ministry's, so it
        // applies to every demo clinic; its waiting room is off until staff turn it on.
        await connection.ExecuteNpgsqlAsync("""
            insert into campaigns (id, tenant_id, service_code, name_fr, name_en, opens_at, closes_at)
            values (@id, @ministry, 'COVID19', 'Campagne COVID-19 (démo) : 60 ans et plus, travailleurs de la santé, maladies chroniques',
                    'COVID-19 campaign (demo): 60 and over, health workers, chronic conditions', @opensAt, null)
            on conflict (id) do nothing;
            insert into campaign_groups (campaign_id, group_code)
            values (@id, 'age-60-plus'), (@id, 'health-worker'), (@id, 'chronic-condition')
            on conflict do nothing;
            """, cancellationToken, ("id", CovidCampaign), ("ministry", DemoSeed.Ministry),
            ("opensAt", new DateTimeOffset(today.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
    }
}
