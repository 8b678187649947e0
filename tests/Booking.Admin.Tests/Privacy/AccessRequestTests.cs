using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Domain.Catalog;
using Booking.Staff.Access;
using Booking.Testing;

namespace Booking.Admin.Tests.Privacy;

/// <summary>A citizen's request for what is held about them, made by phone, letter, e-mail or in person and recorded by
/// the person in charge of personal information: queued with its due date, assigned, answered through the booking's
/// outbox, the export at hand; bad input refused field by field with nothing written; another tenant's officer kept out
/// (not found, nothing written or changed).</summary>
[Collection(AdminCollection.Name)]
public sealed partial class AccessRequestTests(AdminFixture fixture)
{
    /// <summary>A received date after today, even for a test that runs across midnight: two days ahead.</summary>
    private const string AfterToday = "after-today";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => QuebecTime.DateOf(QuebecTime.Zone, TestClock.Now);

    private async Task<(Guid Id, string Code)> BookingAsync()
    {
        var booking = await new TestBookings(fixture).BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Gabrielle",
            $"Acces{Guid.NewGuid():N}"[..16]);
        return (booking.Id, booking.ConfirmationCode);
    }

    private Task<(StaffMember Member, StaffSession Session)> OfficerAsync(Guid tenant) =>
        fixture.SignedInAsync(tenant, new RoleGrant(StaffRole.PrivacyOfficer, tenant));

    private static List<KeyValuePair<string, string>> Fields(string code, string channel, string received, string note) =>
        [new("code", code), new("channel", channel), new("received", received), new("note", note)];

    /// <summary>Records through the queue page's form; the id the page announces.</summary>
    private static async Task<Guid> RecordAsync(StaffSession officer, string code, string note, DateOnly received, string channel = "letter")
    {
        var response = await officer.SubmitAsync("privacy", "record-access", Fields(code, channel, Day(received), note));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Guid.Parse(Recorded().Match(await response.Content.ReadAsStringAsync()).Groups["id"].Value);
    }

    private Task<long> RowsAsync(Guid booking) =>
        fixture.Database.ScalarAsync<long>("select count(*) from access_requests where booking_id = @id", ("id", booking));

    [Fact]
    public async Task An_officer_records_a_letter_that_is_queued_due_30_days_after_receipt_then_assigned_and_answered_through_the_outbox()
    {
        var (booking, code) = await BookingAsync();
        var (member, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;
        var note = $"Copie de tout mon dossier, par la poste {Guid.NewGuid():N}";
        var received = Today.AddDays(-3);

        var id = await RecordAsync(officer, code, note, received);

        var receivedAt = new DateTimeOffset(await fixture.Database.ScalarAsync<DateTime>("select received_at from access_requests where id = @id",
            ("id", id)), TimeSpan.Zero);
        Assert.Equal(received, QuebecTime.DateOf(QuebecTime.Zone, receivedAt));
        var due = Day(QuebecTime.DateOf(QuebecTime.Zone, receivedAt.AddDays(30)));
        var (_, queue) = await officer.PageAsync("privacy");
        var row = Regex.Match(queue, $"<tr data-request=\"{id}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains(code, row);
        Assert.Contains(due, row);
        Assert.Contains("Demande d'accès", row);

        var address = $"privacy/access/{id}";
        var (status, page) = await officer.PageAsync(address);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(note, page);
        Assert.Contains("data-channel=\"letter\"", page);
        var recordedBy = await fixture.Database.ScalarAsync<string>("select display_name from staff_users where id = @id", ("id", member.Id));
        Assert.Matches($"id=\"recorded-by\">{Regex.Escape(recordedBy)}<", page);
        var export = Regex.Match(page, "<a id=\"export\" href=\"(?<href>[^\"]+)\"").Groups["href"].Value;
        var exported = await officer.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var held = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!["accessRequests"]![0]!;
        Assert.Equal((note, "letter", "received"), (held["note"]!.GetValue<string>(), held["channel"]!.GetValue<string>(), held["status"]!.GetValue<string>()));

        var assigned = await officer.SubmitAsync(address, "assign", [new("assignee", member.Id.ToString())]);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal($"in_progress|{member.Id}", await fixture.Database.ScalarAsync<string>(
            "select status || '|' || assigned_to from access_requests where id = @id", ("id", id)));

        const string answer = "Votre dossier complet vous est envoyé par la poste.";
        var answered = await officer.SubmitAsync(address, "answer", [new("answer", answer)]);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains(answer, WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync()));
        // Closed and its message queued by the same statement (one transaction: one now()), the answer only sealed.
        Assert.Equal($"answered|PrivacyRequestAnswered|transactional|{booking}|true", await fixture.Database.ScalarAsync<string>("""
            select a.status || '|' || n.kind || '|' || n.category || '|' || n.booking_id || '|' || (n.created_at = a.answered_at)
            from access_requests a join notifications n on n.access_request_id = a.id where a.id = @id
            """, ("id", id)));
        Assert.DoesNotContain("dossier", System.Text.Encoding.UTF8.GetString(await fixture.Database.ScalarAsync<byte[]>(
            "select answer_ciphertext from access_requests where id = @id", ("id", id))));
        // Recorded, then each opening read before anything is unsealed, and the assignment and answer as updates.
        var accesses = (await fixture.Database.ScalarAsync<string>("""
            select string_agg(access, ',' order by id) from personal_data_access_log
            where record_id = @id and actor = @actor and program = 'Booking.Admin/privacy'
            """, ("id", id), ("actor", $"staff:{member.Id}"))).Split(',');
        Assert.StartsWith("create,read,", string.Join(',', accesses));
        Assert.Equal("create,read,update", string.Join(',', accesses.Distinct().Order()));
    }

    [Fact]
    public async Task The_same_form_sent_twice_records_one_request()
    {
        var (booking, code) = await BookingAsync();
        var (_, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;
        var form = await officer.LoadFormAsync("privacy", "record-access");
        var fields = Fields(code, "phone", Day(Today), "Au téléphone : veut savoir ce qui est gardé à son sujet.");

        var first = await officer.SubmitAsync(form, fields);
        var second = await officer.SubmitAsync(form, fields);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(Recorded().Match(await first.Content.ReadAsStringAsync()).Groups["id"].Value,
            Recorded().Match(await second.Content.ReadAsStringAsync()).Groups["id"].Value);
        Assert.Equal(1L, await RowsAsync(booking));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""
            select count(*) from personal_data_access_log l join access_requests a on a.id = l.record_id
            where a.booking_id = @id and l.access = 'create'
            """, ("id", booking)));
    }

    [Theory]
    [InlineData("note", "  ", "Remplissez ce champ.")]
    [InlineData("code", "K7MQ3-XPRWA", "Aucun rendez-vous trouvé avec ce numéro de confirmation.")]
    [InlineData("received", AfterToday, "La demande ne peut pas avoir été reçue après aujourd'hui.")]
    [InlineData("received", "03/12/2026", "Donnez la date au format AAAA-MM-JJ.")]
    [InlineData("channel", "fax", "Choisissez comment la demande a été reçue.")]
    public async Task A_bad_field_is_refused_on_the_page_and_nothing_is_recorded(string field, string value, string error)
    {
        var (booking, code) = await BookingAsync();
        var (_, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;
        var bad = value == AfterToday ? Day(Today.AddDays(2)) : value;
        var fields = Fields(code, "email", Day(Today), "Par courriel : toutes mes données.")
            .Select(f => f.Key == field ? new KeyValuePair<string, string>(field, bad) : f).ToList();

        var response = await officer.SubmitAsync("privacy", "record-access", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"aria-describedby=\"record-{field}-error\"", page);
        Assert.Matches($"id=\"record-{field}-error\">{Regex.Escape(error)}<", page);
        Assert.Equal(0L, await RowsAsync(booking));
    }

    [Fact]
    public async Task Another_tenants_officer_can_neither_record_for_the_booking_nor_open_assign_or_answer_its_request()
    {
        var (booking, code) = await BookingAsync();
        var (_, insider) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var __ = insider;
        var note = $"Demande en personne {Guid.NewGuid():N}";
        var id = await RecordAsync(insider, code, note, Today, "in_person");
        var (attackerMember, attacker) = await OfficerAsync(DemoSeed.QuebecRegion);
        using var _ = attacker;
        var state = () => fixture.Database.ScalarAsync<string>(
            "select (select count(*) from access_requests where booking_id = @booking) || '|' || status || '|' || coalesce(assigned_to::text, '-') from access_requests where id = @id",
            ("booking", booking), ("id", id));
        var before = await state();

        var recorded = await attacker.SubmitAsync("privacy", "record-access", Fields(code, "phone", Day(Today), "Intrus"));
        var (queueStatus, queue) = await attacker.PageAsync("privacy");
        var (openStatus, opened) = await attacker.PageAsync($"privacy/access/{id}");
        var assigned = await attacker.PostFormAsync($"privacy/access/{id}", "assign", tokenPage: "privacy", [new("assignee", attackerMember.Id.ToString())]);
        var answered = await attacker.PostFormAsync($"privacy/access/{id}", "answer", tokenPage: "privacy", [new("answer", "Intrus")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, recorded.StatusCode);
        Assert.Contains("Aucun rendez-vous trouvé avec ce numéro de confirmation.", WebUtility.HtmlDecode(await recorded.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, queueStatus);
        Assert.DoesNotContain(id.ToString(), queue);
        Assert.Equal(HttpStatusCode.NotFound, openStatus);
        Assert.DoesNotContain(note, opened);
        Assert.Equal(HttpStatusCode.NotFound, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
        Assert.Equal(before, await state());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id in (@booking, @id) and actor = @actor",
            ("booking", booking), ("id", id), ("actor", $"staff:{attackerMember.Id}")));
    }

    [GeneratedRegex("data-recorded=\"(?<id>[0-9a-f-]{36})\"")]
    private static partial Regex Recorded();
}
