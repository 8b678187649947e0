using System.Net;
using System.Text.Json;
using Booking.Data.Bookings;
using Booking.Data.Offer;
using Booking.Data.Protection;
using Booking.Data.Reporting;
using Booking.Data.Retention;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Reporting.Datasets;
using Booking.Staff.Access;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Booking.Admin.Tests;

/// <summary>
/// Personal data past its tenant's retention is erased by class, and only that: a booking one day past is erased, one
/// day before is not, a future one is not, another tenant's with a longer retention is not. The statistics stay, so the
/// extracts' rows do not change, and a second pass erases nothing. Staff see an erased booking as erased. The months are
/// set per tenant above each class's floor, by that tenant's administrator only.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class RetentionTests(AdminFixture fixture)
{
    private T Service<T>() where T : notnull => fixture.Services.GetRequiredService<T>();

    /// <summary>A tenant tree of the test's own (a parent that keeps citizens' details and declarations 7 months, its child
    /// that inherits them, and another tenant that keeps them 24), each with a clinic, so no other test's rows are in play.</summary>
    private sealed record Tenants(Guid Parent, Guid Child, Guid Other, Guid ChildClinic, Guid OtherClinic);

    private async Task<Tenants> TenantsAsync()
    {
        var tenants = new Tenants(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await fixture.Database.ScalarAsync<int>("""
            with t as (insert into tenants (id, parent_id, name) values (@parent, null, 'Rétention parent'), (@child, @parent, 'Rétention enfant'),
                                                                       (@other, null, 'Rétention autre') returning 1),
                 l as (insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude)
                       select * from (values (@childClinic, @child, 'Clinique rétention', '1, rue A', 'Montréal', 'H2X 1Y4', 45.5, -73.6),
                                             (@otherClinic, @other, 'Clinique autre', '2, rue B', 'Québec', 'G1R 2B5', 46.8, -71.2))
                                     as v (id, tenant_id, name, address, city, postal_code, latitude, longitude)
                       where exists (select 1 from t) returning 1)
            select count(*)::int from l
            """, ("parent", tenants.Parent), ("child", tenants.Child), ("other", tenants.Other), ("childClinic", tenants.ChildClinic),
            ("otherClinic", tenants.OtherClinic));
        var actor = new OfferActor("staff:test", null);
        await Service<TenantRetentionRepository>().SaveAsync(tenants.Parent,
            new Dictionary<string, int?> { [RetentionClass.CitizenDetails] = 7, [RetentionClass.Declarations] = 7 }, actor);
        await Service<TenantRetentionRepository>().SaveAsync(tenants.Other,
            new Dictionary<string, int?> { [RetentionClass.CitizenDetails] = 24, [RetentionClass.Declarations] = 24 }, actor);
        return tenants;
    }

    private async Task<NewBooking> BookAsync(Guid tenant, Guid clinic, DateTimeOffset end)
    {
        var protector = Service<PersonalDataProtector>();
        // A person of her own each time: the same person twice within the vaccine's interval would be refused as too soon.
        var citizen = new CitizenDetails("Rita", "Oublieuse-" + Guid.NewGuid().ToString("N")[..8], new DateOnly(1970, 5, 6),
            "OUBR" + Random.Shared.NextInt64(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture), "rita@example.org",
            "+15145550177", "fr", EmailConsent: true);
        var start = end.AddMinutes(-10);
        var booking = new NewBooking(Guid.CreateVersion7(), ConfirmationCode.New(), tenant, clinic, "FLU", start, end, 0, 4,
            "hold-" + Guid.NewGuid().ToString("N"), null, protector.Seal(citizen, QuebecDate.Of(start), tenant), protector.Seal(new BookingDeclarations([], ["general"]), tenant),
            start.AddDays(-7), null);
        Assert.IsType<InsertOutcome.Inserted>(Assert.Single(await Service<BookingRepository>().InsertAsync([booking])));
        return booking;
    }

    private Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) => fixture.Database.ScalarAsync<long>(sql, parameters);

    private Task<bool> ErasedAsync(Guid booking) => fixture.Database.ScalarAsync<bool>("""
        select citizen_ciphertext is null and encryption_key_id is null and citizen_fingerprint is null and health_card_fingerprint is null
               and phone_fingerprint is null and personal_data_erased_at is not null
               and not exists (select 1 from booking_declarations d where d.booking_id = b.id)
        from bookings b where id = @id
        """, ("id", booking));

    private Task<bool> IntactAsync(Guid booking) => fixture.Database.ScalarAsync<bool>("""
        select citizen_ciphertext is not null and citizen_fingerprint is not null and health_card_fingerprint is not null
               and personal_data_erased_at is null and exists (select 1 from booking_declarations d where d.booking_id = b.id)
        from bookings b where id = @id
        """, ("id", booking));

    /// <summary>What the bookings and counts extracts would hold for a day at a clinic, as JSON to compare.</summary>
    private async Task<string> ExtractRowsAsync(DateOnly day, Guid clinic)
    {
        var queries = Service<ExtractSourceQueries>();
        var extractDay = ExtractDay.Of(day);
        var bookings = await queries.BookingsAsync(day, extractDay.From, extractDay.To, CancellationToken.None);
        var counts = await queries.BookingCountsAsync(day, extractDay.From, extractDay.To, CancellationToken.None);
        static IEnumerable<object?[]> At(ReportingTable table, Guid clinic) =>
            table.Rows.Where(row => Equals(row[table.Columns.ToList().IndexOf("location_id")], clinic));
        var rows = At(bookings, clinic).Concat(At(counts, clinic)).ToList();
        Assert.NotEmpty(rows);
        return JsonSerializer.Serialize(rows);
    }

    [Fact]
    public async Task The_purge_erases_exactly_what_is_past_each_tenants_retention_keeps_the_extracts_rows_and_erases_nothing_more_when_run_again()
    {
        var tenants = await TenantsAsync();
        var now = TestClock.Now;
        var cutoff = now.AddMonths(-7);
        var pastDue = await BookAsync(tenants.Child, tenants.ChildClinic, cutoff.AddDays(-1));
        var notYet = await BookAsync(tenants.Child, tenants.ChildClinic, cutoff.AddDays(1));
        var upcoming = await BookAsync(tenants.Child, tenants.ChildClinic, now.AddDays(2));
        var otherTenant = await BookAsync(tenants.Other, tenants.OtherClinic, cutoff.AddDays(-1));
        // Correction requests answered 25 months ago (past the 24 months of closed requests) and last month.
        await fixture.Database.ScalarAsync<int>("""
            insert into correction_requests (id, booking_id, ciphertext, encryption_key_id, status, received_at, answered_at,
                answer_ciphertext, answer_key_id, answered_by)
            values (gen_random_uuid(), @booking, '\x00', 'k', 'answered', @now - interval '26 months', @now - interval '25 months',
                '\x00', 'k', (select id from staff_users limit 1)),
                   (gen_random_uuid(), @booking, '\x00', 'k', 'answered', @now - interval '2 months', @now - interval '1 month',
                '\x00', 'k', (select id from staff_users limit 1))
            returning 1
            """, ("booking", pastDue.Id), ("now", now));
        // Access requests staff recorded, answered as long ago.
        await fixture.Database.ScalarAsync<int>("""
            insert into access_requests (id, booking_id, channel, received_at, recorded_by, form_key, ciphertext, encryption_key_id, status,
                                         answered_at, answered_by, answer_ciphertext, answer_key_id)
            select gen_random_uuid(), @booking, 'letter', @now - make_interval(months => m + 1), u.id, gen_random_uuid(), '\x00', 'k', 'answered',
                   @now - make_interval(months => m), u.id, '\x00', 'k'
            from (select id from staff_users limit 1) u cross join unnest(array[25, 1]) m
            returning 1
            """, ("booking", pastDue.Id), ("now", now));
        // Each answer's message sent: an erased request's message row stays, naming none.
        await fixture.Database.ScalarAsync<int>("""
            insert into notifications (id, tenant_id, booking_id, kind, category, status, sent_at, correction_request_id, access_request_id)
            select gen_random_uuid(), @tenant, @booking, 'PrivacyRequestAnswered', 'transactional', 'sent', answered_at, correction_id, access_id
            from (select id as correction_id, null::uuid as access_id, answered_at from correction_requests where booking_id = @booking
                  union all
                  select null, id, answered_at from access_requests where booking_id = @booking) answered
            returning 1
            """, ("booking", pastDue.Id), ("tenant", tenants.Child));
        var pastDueDay = QuebecTime.DateOf(QuebecTime.Zone, pastDue.SlotStart);
        var extractBefore = await ExtractRowsAsync(pastDueDay, tenants.ChildClinic);
        var purge = Service<RetentionPurge>();

        var first = (await purge.PurgeTenantAsync(tenants.Child, now)).Concat(await purge.PurgeTenantAsync(tenants.Other, now)).ToList();

        Assert.True(await ErasedAsync(pastDue.Id));
        Assert.True(await IntactAsync(notYet.Id));
        Assert.True(await IntactAsync(upcoming.Id));
        Assert.True(await IntactAsync(otherTenant.Id));
        Assert.Equal(1, await CountAsync("select count(*) from correction_requests where booking_id = @id", ("id", pastDue.Id)));
        Assert.Equal(1, await CountAsync("select count(*) from access_requests where booking_id = @id", ("id", pastDue.Id)));
        Assert.Equal("2|4", await fixture.Database.ScalarAsync<string>("""
            select count(*) filter (where correction_request_id is null and access_request_id is null) || '|' || count(*)
            from notifications where booking_id = @id and kind = 'PrivacyRequestAnswered'
            """, ("id", pastDue.Id)));
        Assert.Contains(new RetentionErasure(tenants.Child, RetentionClass.CitizenDetails, 7, 1), first);
        Assert.Contains(new RetentionErasure(tenants.Child, RetentionClass.ClosedRequests, 24, 2), first);
        Assert.Contains(new RetentionErasure(tenants.Other, RetentionClass.CitizenDetails, 24, 0), first);
        Assert.Equal(1, await CountAsync(
            "select count(*) from bookings where id = @id and status = 'confirmed' and service_code = 'FLU' and age_band is not null and slot_end = @end",
            ("id", pastDue.Id), ("end", pastDue.SlotEnd)));
        Assert.Equal(extractBefore, await ExtractRowsAsync(pastDueDay, tenants.ChildClinic));

        var erasedAt = await fixture.Database.ScalarAsync<DateTime>("select personal_data_erased_at from bookings where id = @id", ("id", pastDue.Id));
        var again = (await purge.PurgeTenantAsync(tenants.Child, now)).Concat(await purge.PurgeTenantAsync(tenants.Other, now)).ToList();

        Assert.All(again, erasure => Assert.Equal(0, erasure.Erased));
        Assert.Equal(erasedAt, await fixture.Database.ScalarAsync<DateTime>("select personal_data_erased_at from bookings where id = @id", ("id", pastDue.Id)));
    }

    [Fact]
    public async Task Staff_looking_up_an_erased_booking_see_its_facts_and_that_the_details_were_erased()
    {
        var tenants = await TenantsAsync();
        var erased = await BookAsync(tenants.Child, tenants.ChildClinic, TestClock.Now.AddMonths(-8));
        await Service<RetentionPurge>().PurgeTenantAsync(tenants.Child, TestClock.Now);
        var (_, frontDesk) = await fixture.SignedInAsync(tenants.Child, RoleGrant.At(StaffRole.FrontDesk, tenants.Child, tenants.ChildClinic));
        using var _ = frontDesk;

        var (status, html) = await frontDesk.PageAsync($"bookings?code={erased.ConfirmationCode}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-erased=\"true\"", html);
        Assert.Contains("Renseignements effacés selon la règle de conservation", html);
        Assert.Contains(erased.ConfirmationCode, html);
        Assert.DoesNotContain("Oublieuse", html);
    }

    [Fact]
    public async Task The_purge_erases_the_providers_text_about_messages_past_the_tenants_retention_and_keeps_the_events_and_the_rest()
    {
        var tenants = await TenantsAsync();
        var now = TestClock.Now;
        var booking = await BookAsync(tenants.Child, tenants.ChildClinic, now.AddDays(3));
        var otherBooking = await BookAsync(tenants.Other, tenants.OtherClinic, now.AddDays(3));
        // The class's default, 3 months: a provider's error of 4 months ago goes, one of 2 months ago stays, and so does
        // another tenant's; a failed message's last error of 4 months ago goes too.
        await fixture.Database.ScalarAsync<int>("""
            with n as (select id, booking_id from notifications where booking_id in (@booking, @other)),
            failed as (
                insert into notifications (id, tenant_id, booking_id, kind, category, status, last_error, updated_at)
                values (gen_random_uuid(), @tenant, @booking, 'Reminder', 'transactional', 'failed', 'invalid number +15145550177',
                        @now - interval '4 months')
                returning 1),
            events as (
                insert into notification_events (notification_id, occurred_at, event, detail)
                select n.id, @now - interval '4 months', 'provider:failed', 'invalid number +15145550177' from n
                union all select n.id, @now - interval '2 months', 'provider:failed', 'mailbox rita@example.org full' from n
                where n.booking_id = @booking
                returning 1)
            select (select count(*)::int from events) + (select count(*)::int from failed)
            """, ("booking", booking.Id), ("other", otherBooking.Id), ("tenant", tenants.Child), ("now", now));
        Task<long> DetailsAsync(Guid id, string detail) => CountAsync("""
            select count(*) from notification_events e join notifications n on n.id = e.notification_id
            where n.booking_id = @id and e.detail = @detail
            """, ("id", id), ("detail", detail));

        var erasures = await Service<RetentionPurge>().PurgeTenantAsync(tenants.Child, now);

        Assert.Contains(new RetentionErasure(tenants.Child, RetentionClass.NotificationDetails, 3, 2), erasures);
        Assert.Equal(0, await DetailsAsync(booking.Id, "invalid number +15145550177"));
        Assert.Equal(1, await DetailsAsync(booking.Id, "mailbox rita@example.org full"));
        Assert.Equal(1, await DetailsAsync(otherBooking.Id, "invalid number +15145550177"));
        Assert.Equal(0, await CountAsync("select count(*) from notifications where booking_id = @id and last_error is not null", ("id", booking.Id)));
        Assert.Equal(1, await CountAsync(
            "select count(*) from notification_events e join notifications n on n.id = e.notification_id where n.booking_id = @id and e.event = 'provider:failed' and e.detail is null",
            ("id", booking.Id)));
        Assert.Equal(0, Assert.Single(await Service<RetentionPurge>().PurgeTenantAsync(tenants.Child, now),
            e => e.DataClass == RetentionClass.NotificationDetails).Erased);
    }

    private static Dictionary<string, string> Months(string citizenDetails) => new()
    {
        [$"Input.Months[{RetentionClass.CitizenDetails}]"] = citizenDetails,
        [$"Input.Months[{RetentionClass.Declarations}]"] = "",
        [$"Input.Months[{RetentionClass.ClosedRequests}]"] = "",
        [$"Input.Months[{RetentionClass.WaitingList}]"] = "",
        [$"Input.Months[{RetentionClass.NotificationDetails}]"] = "",
    };

    private Task<long> OwnMonthsAsync(Guid tenant) => CountAsync(
        "select coalesce(max(months), 0)::bigint from tenant_retention where tenant_id = @tenant and data_class = 'citizen_details'", ("tenant", tenant));

    [Fact]
    public async Task The_settings_page_refuses_months_under_the_floor_in_the_field_and_saves_and_audits_months_above_it()
    {
        var tenants = await TenantsAsync();
        var (_, admin) = await fixture.SignedInAsync(tenants.Parent, new RoleGrant(StaffRole.TenantAdministrator, tenants.Parent));
        using var _ = admin;

        var refused = await admin.SubmitAsync($"retention/{tenants.Parent}", "retention", Months("3"));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var saved = await admin.SubmitAsync($"retention/{tenants.Parent}", "retention", Months("9"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"field-months-citizen_details-error\"", refusedHtml);
        Assert.Contains("value=\"3\"", refusedHtml);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal(9, await OwnMonthsAsync(tenants.Parent));
        Assert.Equal(1, await CountAsync(
            "select count(*) from offer_audit where entity = 'tenant_retention' and tenant_id = @tenant and before ->> 'citizen_details' = '7' and after ->> 'citizen_details' = '9'",
            ("tenant", tenants.Parent)));
        var html = (await admin.PageAsync($"retention/{tenants.Child}")).Html;
        Assert.Contains("En vigueur : 9 mois (hérité de Rétention parent)", html);
    }

    [Fact]
    public async Task The_database_refuses_months_under_a_class_floor_whoever_writes_them()
    {
        var tenants = await TenantsAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => fixture.Database.ScalarAsync<int>(
            "insert into tenant_retention (tenant_id, data_class, months) values (@tenant, 'citizen_details', 5) returning 1", ("tenant", tenants.Other)));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        Assert.Equal(24, await OwnMonthsAsync(tenants.Other));
    }

    [Fact]
    public async Task Another_tenants_administrator_can_neither_see_nor_change_this_tenants_retention()
    {
        var tenants = await TenantsAsync();
        var (_, attacker) = await fixture.SignedInAsync(tenants.Other, new RoleGrant(StaffRole.TenantAdministrator, tenants.Other));
        using var _ = attacker;

        var (status, html) = await attacker.PageAsync($"retention/{tenants.Parent}");
        var posted = await attacker.SubmitAsync($"retention/{tenants.Other}", "retention", Months("6"));
        var (listStatus, list) = await attacker.PageAsync("retention");
        var forged = await attacker.PostFormAsync($"retention/{tenants.Parent}", "retention", $"retention/{tenants.Other}", Months("6"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Rétention parent", html);
        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.DoesNotContain($"retention/{tenants.Parent}", list);
        Assert.NotEqual(HttpStatusCode.Found, forged.StatusCode);
        Assert.Equal(7, await OwnMonthsAsync(tenants.Parent));
        Assert.Equal(6, await OwnMonthsAsync(tenants.Other));
    }

    [Fact]
    public async Task A_front_desk_cannot_reach_the_retention_pages()
    {
        var tenants = await TenantsAsync();
        var (_, frontDesk) = await fixture.SignedInAsync(tenants.Child, RoleGrant.At(StaffRole.FrontDesk, tenants.Child, tenants.ChildClinic));
        using var _ = frontDesk;

        Assert.Equal(HttpStatusCode.Forbidden, (await frontDesk.GetAsync("retention")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDesk.GetAsync($"retention/{tenants.Child}")).StatusCode);
    }
}
