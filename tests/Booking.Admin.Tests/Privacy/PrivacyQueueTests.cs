using System.Net;
using System.Text.Json.Nodes;
using Booking.Data.Catalog;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests.Privacy;

/// <summary>The privacy queue's rules over HTTP: an answer given once, the export of everything held with each read
/// logged, complaints for the top-level tenant's officers, and every attacker kept out: another tenant's officer (404,
/// nothing shown or changed), roles without the permission (403), anyone without a session (sign-in).</summary>
[Collection(AdminCollection.Name)]
public sealed class PrivacyQueueTests(AdminFixture fixture)
{
    private readonly CitizenPrivacyRequests _requests = new(fixture);

    private async Task<(Guid Booking, string Code, string LastName, Guid Correction)> CorrectionAsync()
    {
        var lastName = $"Vie{Guid.NewGuid():N}"[..16];
        var booking = await new TestBookings(fixture).BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Gabrielle", lastName);
        return (booking.Id, booking.ConfirmationCode, lastName, await _requests.CorrectionAsync(booking.Id, "lastName", lastName + "-Corrigé"));
    }

    /// <summary>A last name of the test's own that a correction can be checked against: a name passes the booking's
    /// checks only in letters.</summary>
    private static string LettersOnlyName(string prefix) =>
        prefix + new string(Guid.NewGuid().ToString("N").Select(c => (char)('a' + c % 26)).Take(10).ToArray());

    private Task<(StaffMember Member, StaffSession Session)> OfficerAsync(Guid tenant) =>
        fixture.SignedInAsync(tenant, new RoleGrant(StaffRole.PrivacyOfficer, tenant));

    [Fact]
    public async Task A_request_is_answered_once_and_a_second_answer_is_refused_with_nothing_sent_again()
    {
        var (_, _, _, correction) = await CorrectionAsync();
        var (_, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;
        var address = $"privacy/correction/{correction}";
        var late = await officer.LoadFormAsync(address, "answer");

        var first = await officer.SubmitAsync(address, "answer", [new("decision", "decline"), new("answer", "Corrigé.")]);
        var second = await officer.SubmitAsync(late, [new("decision", "apply"), new("answer", "Corrigé encore.")]);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("déjà reçu une réponse", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.StartsWith("answered|", await _requests.StateAsync(correction));
        Assert.EndsWith("|1", await _requests.StateAsync(correction));
    }

    [Fact]
    public async Task An_empty_answer_is_refused_and_keeps_the_request_open()
    {
        var (_, _, _, correction) = await CorrectionAsync();
        var (_, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;

        var response = await officer.SubmitAsync($"privacy/correction/{correction}", "answer", [new("decision", "decline"), new("answer", "  ")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", await response.Content.ReadAsStringAsync());
        Assert.Equal("received|-|0", await _requests.StateAsync(correction));
    }

    [Fact]
    public async Task The_export_holds_everything_kept_for_the_person_and_each_download_is_logged()
    {
        var (booking, code, lastName, _) = await CorrectionAsync();
        var (member, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;

        var first = await officer.GetAsync($"privacy/export?code={code}");
        var second = await officer.GetAsync($"privacy/export?code={code}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"personal-information-{code}.json", first.Content.Headers.ContentDisposition?.FileNameStar ?? first.Content.Headers.ContentDisposition?.FileName);
        var export = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(code, export["booking"]!["confirmationCode"]!.GetValue<string>());
        Assert.Equal(lastName, export["citizen"]!["lastName"]!.GetValue<string>());
        Assert.Equal(lastName + "-Corrigé", export["correctionRequests"]![0]!["corrections"]![0]!["value"]!.GetValue<string>());
        // The log in the second export shows the first download, and the log itself holds both.
        Assert.Contains(export["accessLog"]!.AsArray(), a => a!["actor"]!.GetValue<string>() == $"staff:{member.Id}"
            && a["program"]!.GetValue<string>() == "Booking.Admin/privacy-export");
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id = @id and actor = @actor and program = 'Booking.Admin/privacy-export'",
            ("id", booking), ("actor", $"staff:{member.Id}")));
    }

    [Fact]
    public async Task Another_tenants_officer_cannot_list_open_answer_assign_or_export_the_request()
    {
        var (booking, code, lastName, correction) = await CorrectionAsync();
        var (_, insider) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var __ = insider;
        var assignForm = await insider.LoadFormAsync($"privacy/correction/{correction}", "assign");
        var (attackerMember, attacker) = await OfficerAsync(DemoSeed.QuebecRegion);
        using var _ = attacker;
        var before = await _requests.StateAsync(correction);

        var (queueStatus, queue) = await attacker.PageAsync("privacy");
        var (openStatus, opened) = await attacker.PageAsync($"privacy/correction/{correction}");
        var answered = await attacker.PostFormAsync($"privacy/correction/{correction}", "answer", tokenPage: "privacy", [new("answer", "Intrus")]);
        var assigned = await attacker.PostFormAsync($"privacy/correction/{correction}", "assign", tokenPage: "privacy",
            [new("assignee", attackerMember.Id.ToString())]);
        var exported = await attacker.GetAsync($"privacy/export?code={code}");

        Assert.Equal(HttpStatusCode.OK, queueStatus);
        Assert.DoesNotContain(code, queue);
        Assert.DoesNotContain(correction.ToString(), queue);
        Assert.Equal(HttpStatusCode.NotFound, openStatus);
        Assert.DoesNotContain(lastName, opened);
        Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, exported.StatusCode);
        Assert.DoesNotContain(lastName, await exported.Content.ReadAsStringAsync());
        Assert.Equal(before, await _requests.StateAsync(correction));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id in (@booking, @correction) and actor = @actor",
            ("booking", booking), ("correction", correction), ("actor", $"staff:{attackerMember.Id}")));
        // The insider may not hand the request to an officer of another tenant either.
        var handedOver = await insider.SubmitAsync(assignForm, [new("assignee", attackerMember.Id.ToString())]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, handedOver.StatusCode);
        Assert.Equal(before, await _requests.StateAsync(correction));
    }

    [Theory]
    [InlineData(StaffRole.FrontDesk)]
    [InlineData(StaffRole.ContactCentreAgent)]
    [InlineData(StaffRole.TenantAdministrator)]
    public async Task A_role_without_the_permission_gets_403_on_the_queue_a_request_and_the_export(StaffRole role)
    {
        var (_, code, lastName, correction) = await CorrectionAsync();
        var grant = StaffRolePermissions.IsLimitedToClinics(role)
            ? RoleGrant.At(role, DemoSeed.MontrealRegion, TestBookings.MontrealClinic)
            : new RoleGrant(role, DemoSeed.MontrealRegion);
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, grant);
        using var _ = session;

        foreach (var address in new[] { "privacy", $"privacy/correction/{correction}", $"privacy/export?code={code}" })
        {
            var (status, html) = await session.PageAsync(address);
            Assert.True(status == HttpStatusCode.Forbidden, $"{role} on {address}: {status}");
            Assert.DoesNotContain(lastName, html);
        }
    }

    [Fact]
    public async Task Without_a_session_the_queue_a_request_and_the_export_send_to_sign_in()
    {
        var (_, code, _, correction) = await CorrectionAsync();
        using var anonymous = new StaffSession(fixture.SiteAddress);

        foreach (var address in new[] { "privacy", $"privacy/correction/{correction}", $"privacy/export?code={code}" })
            Assert.Equal("/signin", await anonymous.LandingAsync(await anonymous.GetAsync(address)));
    }

    [Fact]
    public async Task A_complaint_goes_to_the_top_level_tenants_officers_and_not_to_a_regions()
    {
        var complainant = $"Plaignant{Guid.NewGuid():N}"[..20];
        var (complaint, reference) = await _requests.ComplaintAsync(complainant);
        var (_, ministry) = await OfficerAsync(DemoSeed.Ministry);
        using var __ = ministry;
        var (_, region) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = region;

        var (_, ministryQueue) = await ministry.PageAsync("privacy");
        var (ministryStatus, ministryPage) = await ministry.PageAsync($"privacy/complaint/{complaint}");
        var (_, regionQueue) = await region.PageAsync("privacy");
        var (regionStatus, regionPage) = await region.PageAsync($"privacy/complaint/{complaint}");

        Assert.Contains(reference, ministryQueue);
        Assert.Equal(HttpStatusCode.OK, ministryStatus);
        Assert.Contains(complainant, ministryPage);
        Assert.DoesNotContain(reference, regionQueue);
        Assert.Equal(HttpStatusCode.NotFound, regionStatus);
        Assert.DoesNotContain(complainant, regionPage);
    }
    [Fact]
    public async Task An_accepted_correction_is_applied_to_the_booking_with_the_answer_in_one_step()
    {
        var lastName = LettersOnlyName("Lavoie");
        var booking = (await new TestBookings(fixture).BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Gabrielle", lastName)).Id;
        var correction = await _requests.CorrectionAsync(booking, "lastName", lastName + "-Corrigé");
        var before = await _requests.CitizenAsync(booking);
        var (member, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;

        var response = await officer.SubmitAsync($"privacy/correction/{correction}", "answer",
            [new("decision", "apply"), new("answer", "Votre nom est corrigé.")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-applied=\"true\"", await response.Content.ReadAsStringAsync());
        var after = await _requests.CitizenAsync(booking);
        Assert.Equal(before with { LastName = lastName + "-Corrigé" }, after);
        Assert.True(await fixture.Database.ScalarAsync<bool>("select applied_at is not null from correction_requests where id = @id", ("id", correction)));
        // The change is an update of the booking in the access log, by the officer, with the answer's message queued.
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("""
            select count(*) from personal_data_access_log
            where record_id = @id and table_name = 'bookings' and access = 'update' and actor = @actor and program = 'Booking.Admin/privacy'
            """, ("id", booking), ("actor", $"staff:{member.Id}")));
        Assert.Equal("answered|-|1", await _requests.StateAsync(correction));
    }

    [Fact]
    public async Task A_corrected_birth_date_outside_the_services_age_rule_is_not_applied_to_an_upcoming_appointment()
    {
        // A tenant of the test's own, whose flu vaccine is for people of 50 and over, with a clinic: no other test's
        // bookings meet the rule. The booked person (born 1975) is 51.
        var (tenant, clinic) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        Assert.Equal(1, await fixture.Database.ScalarAsync<int>("""
            with t as (insert into tenants (id, parent_id, name) values (@tenant, @region, 'Âge minimum') returning id),
                 s as (insert into tenant_services (tenant_id, service_code, min_age_years) select id, 'FLU', 50 from t returning 1),
                 l as (insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude)
                       select @clinic, id, 'Clinique âge minimum', '1, rue de l''Âge', 'Montréal', 'H2X 1Y4', 45.5, -73.6 from t returning 1)
            update catalogue_revision set revision = revision + 1 where exists (select 1 from s) and exists (select 1 from l) returning 1
            """, ("tenant", tenant), ("region", DemoSeed.MontrealRegion), ("clinic", clinic)));
        // Staff see a catalogue change within a second or so: the officer acts once the staff site has read it.
        var reference = fixture.Services.GetRequiredService<ReferenceData>();
        await Poll.UntilAsync(async () => (await reference.GetAsync()).Locations.ContainsKey(clinic), Poll.Propagation, "the staff site to read the new clinic");
        var lastName = LettersOnlyName("Age");
        var booking = (await new TestBookings(fixture).BookAsync(tenant, clinic, "Rosalie", lastName)).Id;
        var tooYoung = await _requests.CorrectionAsync(booking, "birthDate", "1985-03-14");
        var before = await _requests.CitizenAsync(booking);
        var (_, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;

        var refused = await officer.SubmitAsync($"privacy/correction/{tooYoung}", "answer",
            [new("decision", "apply"), new("answer", "Votre date de naissance est corrigée.")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("la personne n'a pas l'âge requis pour ce service le jour du rendez-vous", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("received|-|0", await _requests.StateAsync(tooYoung));
        Assert.Equal(before, await _requests.CitizenAsync(booking));

        // A date within the rule is applied as any other correction.
        var old = await _requests.CorrectionAsync(booking, "birthDate", "1960-03-14");
        var applied = await officer.SubmitAsync($"privacy/correction/{old}", "answer",
            [new("decision", "apply"), new("answer", "Votre date de naissance est corrigée.")]);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(before with { BirthDate = new DateOnly(1960, 3, 14) }, await _requests.CitizenAsync(booking));
    }

    [Fact]
    public async Task A_declined_correction_leaves_the_booking_as_it_was()
    {
        var (booking, _, _, correction) = await CorrectionAsync();
        var before = await _requests.CitizenAsync(booking);
        var (_, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;

        var response = await officer.SubmitAsync($"privacy/correction/{correction}", "answer",
            [new("decision", "decline"), new("answer", "Votre nom était déjà juste.")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-applied=\"false\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _requests.CitizenAsync(booking));
        Assert.StartsWith("answered|", await _requests.StateAsync(correction));
    }

    [Theory]
    [InlineData(null, "Votre nom est corrigé.", "Choisissez si les corrections sont appliquées")]
    [InlineData("apply", "Votre date est corrigée.", "birthDate : une date est attendue.")]
    public async Task A_correction_answered_without_a_decision_or_with_an_invalid_value_changes_nothing(string? decision, string answer, string error)
    {
        var lastName = $"Inv{Guid.NewGuid():N}"[..16];
        var bookingOf = await new TestBookings(fixture).BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Gabrielle", lastName);
        var correction = await _requests.CorrectionAsync(bookingOf.Id, "birthDate", "le 3 mars");
        var before = await _requests.CitizenAsync(bookingOf.Id);
        var (_, officer) = await OfficerAsync(DemoSeed.MontrealRegion);
        using var _ = officer;
        List<KeyValuePair<string, string>> form = [new("answer", answer)];
        if (decision is not null)
            form.Add(new("decision", decision));

        var response = await officer.SubmitAsync($"privacy/correction/{correction}", "answer", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(error, page);
        Assert.Contains("aria-describedby=\"decision-error\"", page);
        Assert.Equal("received|-|0", await _requests.StateAsync(correction));
        Assert.Equal(before, await _requests.CitizenAsync(bookingOf.Id));
    }

    [Fact]
    public async Task An_answered_complaint_queues_its_message_for_the_complainant()
    {
        var (complaint, _) = await _requests.ComplaintAsync($"Plaignant{Guid.NewGuid():N}"[..20]);
        var (_, ministry) = await OfficerAsync(DemoSeed.Ministry);
        using var _ = ministry;

        var response = await ministry.SubmitAsync($"privacy/complaint/{complaint}", "answer", [new("answer", "Nous avons revu nos appels.")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from privacy_complaint_messages where complaint_id = @id and status = 'queued'", ("id", complaint)));
    }
}
