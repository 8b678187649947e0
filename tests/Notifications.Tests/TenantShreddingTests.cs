using System.Text.Json.Nodes;
using Booking.Data.Notifications;
using Booking.Data.Privacy;
using Booking.Data.Protection;
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
