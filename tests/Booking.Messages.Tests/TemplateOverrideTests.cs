using Booking.Data.Demo;
using Booking.Messages.Templates;

namespace Booking.Messages.Tests;

/// <summary>Stored wording against the embedded defaults; its own database, since the rows change what every message says.</summary>
public sealed class TemplateOverrideTests(MessagesFixture fixture) : IClassFixture<MessagesFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 24, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_most_specific_stored_wording_wins()
    {
        await Store(null, null, "Défaut stocké {{booking.code}}");
        await Store(null, "FLU", "Service {{service.name}}");
        await Store(DemoSeed.Ministry, null, "Ministère {{citizen.firstName}}");
        Assert.Equal("Ministère Marie", await Sms("FLU"));

        await Store(DemoSeed.MontrealRegion, null, "Région {{location.name}}");
        Assert.Equal("Région CLSC du Plateau-Mont-Royal", await Sms("FLU"));

        await Store(DemoSeed.MontrealRegion, "FLU", "Région et service {{appointment.time}}");
        Assert.Equal("Région et service 9 h 30", await Sms("FLU"));
        Assert.Equal("Région CLSC du Plateau-Mont-Royal", await Sms("BLOOD"));
    }

    [Fact]
    public async Task A_service_wording_beats_the_default_and_other_tenants_do_not_see_a_tenants_wording()
    {
        await Store(DemoSeed.QuebecRegion, null, "Québec seulement");
        await Store(null, "FLU", "Service {{service.name}}");

        Assert.Equal("Service Vaccin contre l'influenza (grippe)", await Sms("FLU"));
        Assert.StartsWith("RDV confirme: Prélèvement sanguin", await Sms("BLOOD"));
    }

    [Fact]
    public async Task A_tenants_wording_of_a_service_is_what_its_clinics_and_those_under_it_say()
    {
        await Store(null, null, "{{service.name}} : {{service.preparation}}");
        await fixture.Database.ScalarAsync<object?>("""
            insert into tenant_services (tenant_id, service_code, name_fr, preparation_fr) values (@tenant, 'FLU', 'Grippe saisonnière', 'votre carte.')
            """, ("tenant", DemoSeed.Ministry));
        var fromTheMinistry = await Sms("FLU");
        await fixture.Database.ScalarAsync<object?>("""
            insert into tenant_services (tenant_id, service_code, name_fr) values (@tenant, 'FLU', 'Grippe (Montréal)')
            """, ("tenant", DemoSeed.MontrealRegion));

        Assert.Equal("Grippe saisonnière : votre carte.", fromTheMinistry);
        Assert.Equal("Grippe (Montréal) : votre carte.", await Sms("FLU"));
        Assert.StartsWith("Prélèvement sanguin : ", await Sms("BLOOD"));
    }

    [Fact]
    public async Task A_stored_email_wording_renders_its_subject_and_encodes_its_body()
    {
        await fixture.Database.ScalarAsync<object?>("""
            insert into message_templates (tenant_id, service_code, kind, language, channel, subject, body)
            values (@tenant, null, 'BookingConfirmed', 'en', 'email', 'See you {{appointment.when}}', 'Hi {{citizen.firstName}} <3, {{manage.link}}')
            """, ("tenant", DemoSeed.MontrealRegion));

        var email = await fixture.Composer.ComposeEmailAsync(MessageKind.BookingConfirmed,
            MessagesFixture.Facts("en", Slot) with { CitizenFirstName = "Zoé" }, default);

        Assert.Equal("See you on Tuesday, November 24, 2026 at 9:30 AM", email.Subject);
        Assert.StartsWith("Hi Zoé <3, https://", email.TextBody);
        Assert.Contains("Hi Zo&#233; &lt;3, <a href=", email.HtmlBody);
    }

    [Theory]
    [InlineData("Votre carte : {{citizen.healthCardNumber}}", "citizen.healthCardNumber")]
    [InlineData("Bonjour {{citizen.lastName}}", "citizen.lastName")]
    [InlineData("Bonjour {{ citizen.firstname }}", "citizen.firstname")]
    public async Task A_stored_wording_with_an_unknown_placeholder_is_refused_when_loaded(string body, string placeholder)
    {
        var id = await Store(null, null, body);

        var error = await Assert.ThrowsAsync<InvalidMessageTemplateException>(() => Sms("FLU"));

        Assert.Contains($"{{{{{placeholder}}}}}", error.Message);
        Assert.Contains(id.ToString(), error.Message);
    }

    [Fact]
    public async Task An_unclosed_placeholder_is_refused_too()
    {
        await Store(null, null, "Bonjour {{citizen.firstName");

        await Assert.ThrowsAsync<InvalidMessageTemplateException>(() => Sms("FLU"));
    }

    public async Task InitializeAsync() => await fixture.Database.ScalarAsync<object?>("delete from message_templates; delete from tenant_services");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Guid> Store(Guid? tenant, string? service, string body) => fixture.Database.ScalarAsync<Guid>("""
        insert into message_templates (tenant_id, service_code, kind, language, channel, subject, body)
        values (@tenant, @service, 'BookingConfirmed', 'fr', 'sms', null, @body) returning id
        """, ("tenant", (object?)tenant ?? DBNull.Value), ("service", (object?)service ?? DBNull.Value), ("body", body));

    private async Task<string> Sms(string service) =>
        (await fixture.Composer.ComposeSmsAsync(MessageKind.BookingConfirmed, MessagesFixture.Facts("fr", Slot, service: service), default)).Body;
}
