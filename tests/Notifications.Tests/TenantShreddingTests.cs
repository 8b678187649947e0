using System.Text.Json.Nodes;
using Booking.Data.Bookings;
using Booking.Data.Notifications;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Domain.Citizens;
using Booking.Domain.Scheduling;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Tests;

/// <summary>
/// Crypto-shredding per tenant, against the real database, key file and notification worker: two tenants of their own
/// (so the shared fixture's demo tenants are untouched), each booking sealed with its tenant's key; shredding one leaves
/// its bookings unreadable and the other's as they were.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class TenantShreddingTests(DeliveryFixture fixture)
{
    private PersonalDataProtector Protector => fixture.Worker.GetRequiredService<PersonalDataProtector>();

    private TenantShredding Shredding => new(fixture.Database.DataSource, Options.Create(new ProtectionOptions { KeyFile = fixture.KeyFile }),
        TestClock.Provider);

    [Fact]
    public async Task Shredding_a_tenant_leaves_its_bookings_unreadable_and_another_tenants_readable_and_records_the_destruction()
    {
        var (tenantA, clinicA) = await NewTenantAsync("Départ");
        var (tenantB, clinicB) = await NewTenantAsync("Reste");
        var added = TenantDataKeys.AddMissing(fixture.KeyFile, [tenantA, tenantB]);
        Assert.Equal([TenantDataKeys.KeyId(tenantA, 1), TenantDataKeys.KeyId(tenantB, 1)], added.Added);

        var a = await fixture.Bookings.InsertAsync(fixture.Bookings.At(tenantA, clinicA, TestBookings.Citizen()));
        var b = await fixture.Bookings.InsertAsync(fixture.Bookings.At(tenantB, clinicB, TestBookings.Citizen()));
        // Sealed before the shredding, written after: its confirmation reaches the worker with no key left to open it.
        var lateA = fixture.Bookings.At(tenantA, clinicA, TestBookings.Citizen());
        Assert.Equal(TenantDataKeys.KeyId(tenantA, 1), a.Citizen.KeyId);
        Assert.Equal(TenantDataKeys.KeyId(tenantB, 1), b.Citizen.KeyId);

        var outcome = Assert.IsType<TenantShredOutcome.Shredded>(await Shredding.ShredAsync(tenantA, "operator@sante.example", "Contract ended"));

        var record = outcome.Record;
        Assert.Equal(tenantA, record.TenantId);
        Assert.Equal([TenantDataKeys.KeyId(tenantA, 1)], record.KeyIds);
        Assert.Equal(1, record.UnreadableRows["bookings"]);
        Assert.Equal(0, record.ReadableBookingsLeft);
        Assert.Equal("AES-256-GCM key destruction", record.Method);
        Assert.Equal("operator@sante.example", record.DestroyedBy);
        Assert.Equal("Contract ended", record.Reason);
        var stored = Assert.Single(await Shredding.RecordsAsync(), r => r.TenantId == tenantA);
        Assert.Equal((string.Join(",", record.KeyIds), record.UnreadableRows["bookings"], record.Method, record.DestroyedBy, record.Reason),
            (string.Join(",", stored.KeyIds), stored.UnreadableRows["bookings"], stored.Method, stored.DestroyedBy, stored.Reason));

        Assert.True(Protector.IsShredded(a.Citizen.KeyId));
        Assert.Throws<DataKeyDestroyedException>(() => Protector.Unseal(a.Citizen.Ciphertext, a.Citizen.KeyId));
        Assert.Throws<DataKeyDestroyedException>(() => Protector.Seal("note", "note", tenantA));
        Assert.False(Protector.IsShredded(b.Citizen.KeyId));
        Assert.Equal("Marie", Protector.Unseal(b.Citizen.Ciphertext, b.Citizen.KeyId).FirstName);

        // The worker fails the shredded booking's message for good, and goes on sending the others'.
        await fixture.Bookings.InsertAsync(lateA);
        var failed = Assert.Single(await fixture.WaitFor(lateA.Id, m => m.Any(x => x.Status == NotificationStatus.Failed), "the shredded booking's message to fail"));
        Assert.Contains("shredded", failed.LastError, StringComparison.Ordinal);
        var later = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        await fixture.WaitFor(later.Id, m => m.Any(x => x.Status == NotificationStatus.Delivered), "a confirmation after it to be delivered");
    }

    [Fact]
    public async Task Shredding_a_tenant_twice_does_nothing_the_second_time_and_shows_the_first_record()
    {
        var (tenant, _) = await NewTenantAsync("Deux fois");
        TenantDataKeys.AddMissing(fixture.KeyFile, [tenant]);
        var first = Assert.IsType<TenantShredOutcome.Shredded>(await Shredding.ShredAsync(tenant, "operator", "Leaving"));

        var second = Assert.IsType<TenantShredOutcome.AlreadyShredded>(await Shredding.ShredAsync(tenant, "someone else", "Again"));

        Assert.Equal((string.Join(",", first.Record.KeyIds), "operator", "Leaving"),
            (string.Join(",", second.Record.KeyIds), second.Record.DestroyedBy, second.Record.Reason));
        Assert.Empty(TenantDataKeys.AddMissing(fixture.KeyFile, [tenant]).Added);
        Assert.Equal([tenant], TenantDataKeys.AddMissing(fixture.KeyFile, [tenant]).Refused);
    }

    [Fact]
    public async Task A_tenant_never_given_a_key_is_refused_shredding()
    {
        var (tenant, _) = await NewTenantAsync("Sans clé");

        Assert.IsType<TenantShredOutcome.NoKey>(await Shredding.ShredAsync(tenant, "operator", "Leaving"));
        Assert.IsType<TenantShredOutcome.UnknownTenant>(await Shredding.ShredAsync(Guid.NewGuid(), "operator", "Leaving"));
    }

    [Fact]
    public async Task The_database_holds_no_tenant_key_material()
    {
        var (tenant, clinic) = await NewTenantAsync("Clés");
        TenantDataKeys.AddMissing(fixture.KeyFile, [tenant]);
        await fixture.Bookings.InsertAsync(fixture.Bookings.At(tenant, clinic, TestBookings.Citizen()));
        var key = Convert.FromBase64String(JsonNode.Parse(await File.ReadAllTextAsync(fixture.KeyFile))!["TenantKeys"]![TenantDataKeys.KeyId(tenant, 1)]!.GetValue<string>());

        var everything = await fixture.Database.ScalarAsync<string>("""
            select string_agg(query_to_xml(format('select * from %I.%I', table_schema, table_name), true, false, '')::text, '')
            from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
            """);

        Assert.Contains(TenantDataKeys.KeyId(tenant, 1), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(key), everything, StringComparison.OrdinalIgnoreCase);
    }

    private TenantResealing Resealing => new(fixture.Database.DataSource, Protector);

    private Task<string> KeyOfAsync(Guid booking) =>
        fixture.Database.ScalarAsync<string>("select encryption_key_id from bookings where id = @id", ("id", booking));

    private async Task<CitizenDetails> CitizenOfAsync(Guid booking) => Protector.Unseal(
        await fixture.Database.ScalarAsync<byte[]>("select citizen_ciphertext from bookings where id = @id", ("id", booking)), await KeyOfAsync(booking));

    private Task<byte[]> NoteAsync(Guid booking) =>
        fixture.Database.ScalarAsync<byte[]>("select note_ciphertext from booking_change_audit where booking_id = @id", ("id", booking));

    [Fact]
    public async Task Records_sealed_before_the_tenant_had_a_key_are_resealed_with_it_and_only_then_is_the_tenant_shredded()
    {
        var (tenant, clinic) = await NewTenantAsync("Avant la clé");
        var booking = await fixture.Bookings.InsertAsync(fixture.Bookings.At(tenant, clinic, TestBookings.Citizen()));
        var platformKey = booking.Citizen.KeyId;
        Assert.Null(TenantDataKeys.TenantOf(platformKey));
        // A correction request and an access request answered, and a staff change's note, sealed as they were before the
        // tenant had a key.
        var request = Protector.Seal(new CorrectionRequest([new FieldCorrection("phone", "+15145550100")], null), CorrectionRequest.SealPurpose);
        var accessNote = Protector.Seal(new AccessRequestNote("Tout mon dossier, par la poste."), AccessRequestNote.SealPurpose);
        var answer = Protector.Seal(new PrivacyAnswer("Corrigé."), PrivacyAnswer.SealPurpose);
        var note = Protector.Seal("Rappeler la personne", StaffChangeAudit.NotePurpose);
        await fixture.Database.ScalarAsync<int>("""
            with officer as (
                insert into staff_users (id, tenant_id, display_name, must_change_password, user_name, email, email_confirmed,
                                         phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, language)
                values (gen_random_uuid(), @tenant, 'Officer', false, @email, @email, true, false, false, true, 0, 'fr')
                returning id),
            r as (
                insert into correction_requests (id, booking_id, ciphertext, encryption_key_id, status, answered_at, answer_ciphertext, answer_key_id, answered_by)
                select gen_random_uuid(), @booking, @request, @key, 'answered', now(), @answer, @key, officer.id from officer
                returning 1),
            ar as (
                insert into access_requests (id, booking_id, channel, received_at, recorded_by, form_key, ciphertext, encryption_key_id, status,
                                             answered_at, answer_ciphertext, answer_key_id, answered_by)
                select gen_random_uuid(), @booking, 'letter', now(), officer.id, gen_random_uuid(), @accessNote, @key, 'answered', now(), @answer, @key,
                       officer.id
                from officer
                returning 1),
            a as (
                insert into booking_change_audit (booking_id, tenant_id, action, by_clinic, actor, reason, note_ciphertext, note_key_id, form_key,
                                                  previous_location_id, previous_slot_start, location_id, slot_start)
                values (@booking, @tenant, 'cancelled', true, 'staff:test', 'clinic-closed', @note, @key, gen_random_uuid(), @clinic, now(), @clinic, now())
                returning 1)
            select (select count(*)::int from r) + (select count(*)::int from ar) + (select count(*)::int from a)
            """, ("booking", booking.Id), ("request", request.Ciphertext), ("accessNote", accessNote.Ciphertext), ("answer", answer.Ciphertext),
            ("note", note.Ciphertext),
            ("key", platformKey), ("tenant", tenant), ("clinic", clinic), ("email", $"officer-{Guid.NewGuid():N}@test.example"));
        TenantDataKeys.AddMissing(fixture.KeyFile, [tenant]);
        var tenantKey = TenantDataKeys.KeyId(tenant, 1);

        var refused = Assert.IsType<TenantShredOutcome.NotResealed>(await Shredding.ShredAsync(tenant, "operator", "Leaving"));

        Assert.Equal(
            ["access_request_answers=1", "access_requests=1", "booking_change_audit=1", "booking_declarations=1", "bookings=1", "correction_request_answers=1",
                "correction_requests=1"],
            refused.Rows.Where(r => r.TenantId == tenant).Select(r => $"{r.Table}={r.Rows}").Order(StringComparer.Ordinal));
        Assert.Equal(tenantKey, Protector.TenantKeyId(tenant));
        Assert.DoesNotContain(await Shredding.RecordsAsync(), r => r.TenantId == tenant);

        var resealed = Assert.IsType<TenantResealOutcome.Resealed>(await Resealing.ResealAsync(tenant, "Booking.Tool/reseal-tenant", batch: 1));

        Assert.All(resealed.Counts.Values, rows => Assert.Equal(1, rows));
        Assert.Equal(7, resealed.Counts.Count);
        Assert.Empty(resealed.Left);
        Assert.Equal(tenantKey, await KeyOfAsync(booking.Id));
        Assert.Equal("Marie", (await CitizenOfAsync(booking.Id)).FirstName);
        Assert.Equal("Rappeler la personne", Protector.Unseal<string>(await NoteAsync(booking.Id), tenantKey, StaffChangeAudit.NotePurpose));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "select count(*) from tenant_sealed_rows where tenant_id = @tenant and key_id <> @key", ("tenant", tenant), ("key", tenantKey)));
        Assert.Equal(3, await fixture.Database.ScalarAsync<long>("""
            select count(*) from personal_data_access_log
            where actor = 'system:reseal' and access = 'update' and program = 'Booking.Tool/reseal-tenant' and record_id = @booking
            """, ("booking", booking.Id)));
        var again = Assert.IsType<TenantResealOutcome.Resealed>(await Resealing.ResealAsync(tenant, "Booking.Tool/reseal-tenant"));
        Assert.All(again.Counts.Values, rows => Assert.Equal(0, rows));

        var shredded = Assert.IsType<TenantShredOutcome.Shredded>(await Shredding.ShredAsync(tenant, "operator", "Leaving"));

        Assert.Equal(0, shredded.Record.ReadableBookingsLeft);
        Assert.Equal(1, shredded.Record.UnreadableRows["booking_change_audit"]);
        Assert.True(Protector.IsShredded(await KeyOfAsync(booking.Id)));
        await Assert.ThrowsAsync<DataKeyDestroyedException>(() => CitizenOfAsync(booking.Id));
        Assert.Equal(tenantKey, await fixture.Database.ScalarAsync<string>("select note_key_id from booking_change_audit where booking_id = @id",
            ("id", booking.Id)));
        var storedNote = await NoteAsync(booking.Id);
        Assert.Throws<DataKeyDestroyedException>(() => Protector.Unseal<string>(storedNote, tenantKey, StaffChangeAudit.NotePurpose));
    }

    [Fact]
    public async Task A_booking_moved_to_another_tenants_clinic_is_that_tenants_and_goes_with_its_shredding_not_the_one_it_left()
    {
        var (left, leftClinic) = await NewTenantAsync("Quittée");
        var (joined, joinedClinic) = await NewTenantAsync("Rejointe");
        TenantDataKeys.AddMissing(fixture.KeyFile, [left, joined]);
        var booking = await fixture.Bookings.InsertAsync(fixture.Bookings.At(left, leftClinic, TestBookings.Citizen()));
        var start = TestBookings.NextSlotStart();

        Assert.Equal(MoveOutcome.Moved, await fixture.Worker.GetRequiredService<BookingRepository>().MoveAsync(booking.Id, 1, joinedClinic,
            new Slot("FLU", start, start.AddMinutes(10), 12), 0, "hold-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(joined, await fixture.Database.ScalarAsync<Guid>("select tenant_id from bookings where id = @id", ("id", booking.Id)));
        // Still under the key of the tenant it left: neither tenant may be shredded yet, and both are told which tenant to reseal.
        var leaving = Assert.IsType<TenantShredOutcome.NotResealed>(await Shredding.ShredAsync(left, "operator", "Leaving"));
        var staying = Assert.IsType<TenantShredOutcome.NotResealed>(await Shredding.ShredAsync(joined, "operator", "Leaving"));
        Assert.Equal(["booking_declarations", "bookings"], leaving.Rows.Select(r => r.Table).Order(StringComparer.Ordinal));
        Assert.All(leaving.Rows.Concat(staying.Rows), r => Assert.Equal((joined, 1L), (r.TenantId, r.Rows)));

        var resealed = Assert.IsType<TenantResealOutcome.Resealed>(await Resealing.ResealAsync(joined, "Booking.Web/reschedule", booking.Id));
        Assert.Equal(1, resealed.Counts["bookings"]);
        Assert.Equal(1, resealed.Counts["booking_declarations"]);
        Assert.Equal(TenantDataKeys.KeyId(joined, 1), await KeyOfAsync(booking.Id));

        Assert.IsType<TenantShredOutcome.Shredded>(await Shredding.ShredAsync(left, "operator", "Leaving"));
        Assert.False(Protector.IsShredded(await KeyOfAsync(booking.Id)));
        Assert.Equal("Marie", (await CitizenOfAsync(booking.Id)).FirstName);

        Assert.IsType<TenantShredOutcome.Shredded>(await Shredding.ShredAsync(joined, "operator", "Leaving"));
        Assert.True(Protector.IsShredded(await KeyOfAsync(booking.Id)));
        await Assert.ThrowsAsync<DataKeyDestroyedException>(() => CitizenOfAsync(booking.Id));
    }

    [Fact]
    public async Task A_tenant_without_a_key_has_nothing_resealed()
    {
        var (tenant, clinic) = await NewTenantAsync("Toujours sans clé");
        var booking = await fixture.Bookings.InsertAsync(fixture.Bookings.At(tenant, clinic, TestBookings.Citizen()));

        Assert.IsType<TenantResealOutcome.NoKey>(await Resealing.ResealAsync(tenant, "Booking.Tool/reseal-tenant"));
        Assert.Equal(booking.Citizen.KeyId, await KeyOfAsync(booking.Id));
    }

    private async Task<(Guid Tenant, Guid Clinic)> NewTenantAsync(string name)
    {
        var (tenant, clinic) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Database.ScalarAsync<int>("""
            with t as (insert into tenants (id, name) values (@tenant, @name) returning id)
            insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude)
            select @clinic, id, @name, '1, rue du Départ', 'Montréal', 'H2X 1Y4', 45.5, -73.6 from t returning 1
            """, ("tenant", tenant), ("clinic", clinic), ("name", name));
        return (tenant, clinic);
    }
}
