using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Data.Identity;
using Booking.Domain.Catalog;
using Booking.Reporting.Building;
using Booking.Reporting.Datasets;
using Booking.Staff.Access;
using Booking.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests;

/// <summary>
/// Every routable page and endpoint of the staff site, read from the host's endpoint data source, against two
/// attackers: a person of another tenant (the Québec region) who holds the page's permission there, and a person of
/// the victim's tenant (the Montréal region) whose role does not grant it. Each gets 403 or 404 (a list page: only
/// their own scope) and none of the victim's data, for the page and for every form on it, and no form changes
/// anything. A page or endpoint added without a rule here fails <see cref="Every_routable_page_and_endpoint_has_a_rule"/>.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed partial class TenantIsolationMatrixTests(AdminFixture fixture) : IAsyncLifetime
{
    private enum Access
    {
        /// <summary>Reached before signing in (the sign-in steps, the language switch, health checks).</summary>
        Public,

        /// <summary>The signed-in person's own page: any role, only their own data.</summary>
        Personal,

        /// <summary>A list over the person's own scope: another tenant's person sees theirs, never the victim's.</summary>
        OwnScope,

        /// <summary>One resource of the victim's tenant: out of scope it does not exist (404).</summary>
        Resource,
    }

    /// <summary>How each route is reached, and which address of it shows the victim's data.</summary>
    private static readonly Dictionary<string, (Access Access, Func<Victim, string>? Probe)> Rules = new()
    {
        ["/signin"] = (Access.Public, null),
        ["/signin/code"] = (Access.Public, null),
        ["/signin/recovery"] = (Access.Public, null),
        ["/signin/password"] = (Access.Public, null),
        ["/signin/authenticator"] = (Access.Public, null),
        ["/signout"] = (Access.Public, null),
        ["/language/{language}"] = (Access.Public, null),
        ["/not-found"] = (Access.Public, null),
        // The signed link is the only key; it names one account's invitation (InvitationTests attack it).
        ["/invitation/{Token}"] = (Access.Public, null),
        ["/health"] = (Access.Public, null),
        ["/health/ready"] = (Access.Public, null),
        // Blazor's own: follows a redirect it protected itself (enhanced navigation), no data of ours.
        ["/_framework/opaque-redirect"] = (Access.Public, null),
        ["/"] = (Access.Personal, _ => ""),
        ["/account"] = (Access.Personal, _ => "account"),
        ["/account/password"] = (Access.Personal, _ => "account/password"),
        ["/bookings"] = (Access.Resource, victim => $"bookings?code={victim.BookingCode}"),
        ["/clinic-day"] = (Access.OwnScope, _ => "clinic-day"),
        ["/clinic-day/{LocationId:guid}"] = (Access.Resource,
            // Searched by its code: the layout's links repeat the address, which must not carry the name looked for.
            victim => $"clinic-day/{TestBookings.MontrealClinic}?date={QuebecDate.NextWeekday(3):yyyy-MM-dd}&q={victim.BookingCode}"),
        ["/clinic-day/{LocationId:guid}/bookings/{BookingId:guid}"] =
            (Access.Resource, victim => $"clinic-day/{TestBookings.MontrealClinic}/bookings/{victim.BookingId}"),
        // The search is a posted form (a card or phone number stays out of addresses): its list is the agent's scope only.
        ["/contact-centre"] = (Access.OwnScope, _ => "contact-centre"),
        ["/contact-centre/bookings/{BookingId:guid}"] = (Access.Resource, victim => $"contact-centre/bookings/{victim.BookingId}"),
        // A clinic's free times and the forms that hold one and book it for a caller.
        ["/contact-centre/new"] = (Access.Resource,
            _ => $"contact-centre/new?clinic={TestBookings.MontrealClinic}&service=FLU&date={QuebecDate.NextWeekday(3):yyyy-MM-dd}"),
        ["/statistics"] = (Access.OwnScope, _ => "statistics"),
        ["/dashboard"] = (Access.Resource, victim => $"dashboard?clinic={victim.ClinicId}"),
        ["/staff"] = (Access.OwnScope, _ => "staff"),
        ["/staff/new"] = (Access.OwnScope, _ => "staff/new"),
        ["/staff/sign-ins"] = (Access.OwnScope, _ => "staff/sign-ins"),
        ["/staff/reviews"] = (Access.OwnScope, _ => "staff/reviews"),
        ["/staff/rights"] = (Access.OwnScope, _ => "staff/rights"),
        ["/staff/rights.csv"] = (Access.OwnScope, _ => "staff/rights.csv"),
        ["/staff/{AccountId:guid}"] = (Access.Resource, victim => $"staff/{victim.AccountId}"),
        ["/offer/locations"] = (Access.OwnScope, _ => "offer/locations"),
        ["/offer/locations/new"] = (Access.OwnScope, _ => "offer/locations/new"),
        ["/offer/locations/{LocationId:guid}"] = (Access.Resource, victim => $"offer/locations/{victim.ClinicId}"),
        ["/offer/locations/{LocationId:guid}/templates/new"] = (Access.Resource, victim => $"offer/locations/{victim.ClinicId}/templates/new"),
        ["/offer/locations/{LocationId:guid}/templates/{TemplateId:guid}"] =
            (Access.Resource, victim => $"offer/locations/{victim.ClinicId}/templates/{victim.TemplateId}"),
        ["/offer/locations/{LocationId:guid}/exceptions/new"] = (Access.Resource, victim => $"offer/locations/{victim.ClinicId}/exceptions/new"),
        ["/offer/locations/{LocationId:guid}/exceptions/{ExceptionId:guid}"] =
            (Access.Resource, victim => $"offer/locations/{victim.ClinicId}/exceptions/{victim.ExceptionId}"),
        ["/offer/tenants/{TenantId:guid}/services"] = (Access.Resource, _ => $"offer/tenants/{DemoSeed.MontrealRegion}/services"),
        ["/offer/tenants/{TenantId:guid}/services/{Code}"] = (Access.Resource, _ => $"offer/tenants/{DemoSeed.MontrealRegion}/services/{VictimService}"),
        ["/offer/campaigns"] = (Access.OwnScope, _ => "offer/campaigns"),
        ["/offer/campaigns/new"] = (Access.OwnScope, _ => "offer/campaigns/new"),
        ["/offer/campaigns/{CampaignId:guid}"] = (Access.Resource, victim => $"offer/campaigns/{victim.CampaignId}"),
        ["/retention"] = (Access.OwnScope, _ => "retention"),
        ["/retention/{TenantId:guid}"] = (Access.Resource, _ => $"retention/{DemoSeed.MontrealRegion}"),
        ["/bulk"] = (Access.OwnScope, victim => $"bulk?location={victim.ClinicId}"),
        ["/bulk/{JobId:guid}"] = (Access.Resource, victim => $"bulk/{victim.JobId}"),
        ["/extracts"] = (Access.OwnScope, _ => "extracts"),
        // A built partition: each reader gets the rows of its own tenants only.
        ["/extracts/{dataset}/{day}/{format}"] = (Access.OwnScope, victim => $"extracts/bookings/{victim.BookingDay:yyyy-MM-dd}/csv"),
        ["/platform/extracts"] = (Access.OwnScope, _ => "platform/extracts"),
        ["/platform/clients"] = (Access.OwnScope, _ => "platform/clients"),
        ["/platform/clients/{ClientId:guid}"] = (Access.Resource, victim => $"platform/clients/{victim.MachineClientId}"),
        ["/privacy"] = (Access.OwnScope, _ => "privacy"),
        ["/privacy/{Kind}/{RequestId:guid}"] = (Access.Resource, victim => $"privacy/correction/{victim.CorrectionId}"),
        ["/privacy/export"] = (Access.Resource, victim => $"privacy/export?code={victim.BookingCode}"),
        // Machines only, with a token of the identity server: refused without one, attacked in BiApiTests.
        ["/connect/token"] = (Access.Public, null),
        // The identity server's sign-in for staff sites, behind the sign-in pages: attacked in StaffSignInServerTests.
        ["/connect/authorize"] = (Access.Public, null),
        ["/connect/endsession"] = (Access.Public, null),
        ["/api/bi/v1/datasets"] = (Access.Public, null),
        ["/api/bi/v1/{dataset}/{day}/{format}"] = (Access.Public, null),
    };

    /// <summary>The service whose wording the victim's tenant sets for itself: one no other test of this fixture books,
    /// since the wording reaches citizens' messages.</summary>
    private const string VictimService = "BLOOD";

    /// <summary>The victim's data in the Montréal region: an account with a role and a sign-in, a booking, a clinic
    /// with a weekly schedule, a dated change and a bulk change, its own name for a service, a campaign, a built extract
    /// partition of its booking's day, a machine client and the citizen's correction request.</summary>
    private sealed record Victim(Guid AccountId, string Email, string Name, Guid BookingId, string BookingCode, DateOnly BookingDay, string CitizenName,
        Guid ClinicId, string ClinicName, Guid TemplateId, Guid ExceptionId, string ServiceName, Guid CampaignId, string CampaignName, Guid JobId,
        Guid MachineClientId, string MachineClientName, Guid CorrectionId, string CorrectedValue);

    private Victim _victim = null!;

    public async Task InitializeAsync()
    {
        var account = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        using (var session = new StaffSession(fixture.SiteAddress))
            await session.SignInAsync(account);
        var name = $"Victime{Guid.NewGuid():N}"[..20];
        await fixture.Database.ScalarAsync<int>("update staff_users set display_name = @name where id = @id returning 1", ("name", name), ("id", account.Id));
        var citizen = $"Citoyen{Guid.NewGuid():N}"[..20];
        var booking = await new TestBookings(fixture).BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Zoé", citizen);
        // A role asked for the victim, awaiting approval, and the role they hold due for review: the review page's forms.
        await fixture.Database.ScalarAsync<int>("""
            with q as (insert into staff_role_requests (id, user_id, role, tenant_id, requested_by, requested_at)
                       values (@request, @account, 'ministry_analyst', @tenant, @account, now()) returning 1)
            update staff_role_assignments set review_due = now() - interval '1 day' where user_id = @account and exists (select 1 from q) returning 1
            """, ("request", Guid.CreateVersion7()), ("account", account.Id), ("tenant", DemoSeed.MontrealRegion));
        var (clinicId, clinicName, templateId, exceptionId) = await VictimClinicAsync();
        var (serviceName, campaignId, campaignName) = await VictimOfferAsync();
        var job = Guid.CreateVersion7();
        await fixture.Database.ScalarAsync<int>("""
            insert into bulk_jobs (id, tenant_id, location_id, action, from_date, until_date, created_by, status)
            values (@job, @tenant, @clinic, 'cancel', current_date + 60, current_date + 60, 'staff:victim', 'done') returning 1
            """, ("job", job), ("tenant", DemoSeed.MontrealRegion), ("clinic", clinicId));
        var bookingDay = QuebecTime.DateOf(QuebecTime.Zone, booking.SlotStart);
        await fixture.Services.GetRequiredService<ExtractBuilder>().BuildAsync(ExtractDay.Of(bookingDay));
        var (machineClient, machineClientName) = (Guid.CreateVersion7(), $"ClientVictime{Guid.NewGuid():N}"[..26]);
        await fixture.Services.GetRequiredService<MachineClientRepository>().CreateAsync(machineClient, ClientSecrets.NewClientId(), machineClientName,
            DemoSeed.MontrealRegion, ["bi.bookings"], ClientSecrets.Hash(ClientSecrets.New()), account.Id, null, TestClock.Now);
        var correctedValue = $"Correction{Guid.NewGuid():N}"[..22];
        var correction = await new Privacy.CitizenPrivacyRequests(fixture).CorrectionAsync(booking.Id, "lastName", correctedValue);
        _victim = new Victim(account.Id, account.Email, name, booking.Id, booking.ConfirmationCode, bookingDay, citizen, clinicId, clinicName, templateId,
            exceptionId, serviceName, campaignId, campaignName, job, machineClient, machineClientName, correction, correctedValue);
    }

    private async Task<(string ServiceName, Guid Campaign, string CampaignName)> VictimOfferAsync()
    {
        var campaign = Guid.CreateVersion7();
        var (serviceName, campaignName) = ($"ServiceVictime{Guid.NewGuid():N}"[..28], $"CampagneVictime{Guid.NewGuid():N}"[..28]);
        await fixture.Database.ScalarAsync<int>("""
            with s as (insert into tenant_services (tenant_id, service_code, name_fr, name_en) values (@tenant, @service, @serviceName, @serviceName)
                       on conflict (tenant_id, service_code) do update set name_fr = excluded.name_fr, name_en = excluded.name_en returning 1),
                 c as (insert into campaigns (id, tenant_id, service_code, name_fr, name_en, opens_at)
                       select @campaign, @tenant, @service, @campaignName, @campaignName, now() + interval '30 days' from s returning id)
            insert into campaign_groups (campaign_id, group_code) select id, 'general' from c returning 1
            """, ("tenant", DemoSeed.MontrealRegion), ("service", VictimService), ("serviceName", serviceName), ("campaign", campaign),
            ("campaignName", campaignName));
        return (serviceName, campaign, campaignName);
    }

    private async Task<(Guid Clinic, string Name, Guid Template, Guid Exception)> VictimClinicAsync()
    {
        var (clinic, template, exception) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var name = $"CliniqueVictime{Guid.NewGuid():N}"[..28];
        await fixture.Database.ScalarAsync<int>("""
            with l as (insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude)
                       values (@clinic, @tenant, @name, '1, rue de la Victime', 'Montréal', 'H2X 1Y4', 45.5, -73.6) returning id),
                 w as (insert into weekly_templates (id, location_id, service_code, slot_minutes, capacity, valid_from)
                       select @template, id, 'FLU', 10, 2, current_date from l returning id),
                 h as (insert into weekly_template_hours (id, weekly_template_id, iso_weekday, opens_at, closes_at)
                       select @hours, id, 1, '09:00', '12:00' from w returning 1)
            insert into schedule_exceptions (id, location_id, on_date, kind)
            select @exception, id, current_date + 60, 'closed' from l returning 1
            """, ("clinic", clinic), ("tenant", DemoSeed.MontrealRegion), ("name", name), ("template", template), ("hours", Guid.CreateVersion7()),
            ("exception", exception));
        return (clinic, name, template, exception);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IReadOnlyList<(string Route, IReadOnlyList<IAuthorizeData> Authorization)> Routes() =>
        fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .GroupBy(e => e.RoutePattern.RawText ?? "")
            .Select(g => (g.Key.StartsWith('/') ? g.Key : "/" + g.Key, (IReadOnlyList<IAuthorizeData>)g.SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()).ToList()))
            .ToList();

    [Fact]
    public void Every_routable_page_and_endpoint_has_a_rule()
    {
        var routes = Routes();

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.True(Rules.ContainsKey(route.Route),
            $"{route.Route} has no rule in {nameof(TenantIsolationMatrixTests)}: say who may reach it, and which address shows a tenant's data."));
        // Every page past sign-in states what it requires: a permission, or (its own page) a two-factor session.
        Assert.All(routes.Where(r => Rules[r.Route].Access is Access.OwnScope or Access.Resource),
            route => Assert.Contains(route.Authorization, a => a.Policy is { } policy && policy.StartsWith("staff:", StringComparison.Ordinal)));
        Assert.All(routes.Where(r => Rules[r.Route].Access is Access.Personal), route => Assert.NotEmpty(route.Authorization));
    }

    [Fact]
    public async Task Without_a_session_no_page_past_sign_in_opens()
    {
        using var anonymous = new StaffSession(fixture.SiteAddress);
        foreach (var (route, rule) in Rules.Where(r => r.Value.Access is not Access.Public))
        {
            var response = await anonymous.GetAsync(rule.Probe!(_victim));
            Assert.True(await anonymous.LandingAsync(response) == "/signin", $"{route}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Another_tenants_staff_and_a_too_small_role_get_403_or_404_and_no_data_on_every_page_and_form()
    {
        var failures = new List<string>();
        var (_, insider) = await fixture.SignedInAsync(DemoSeed.MontrealRegion,
            new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion), new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion),
            new RoleGrant(StaffRole.MinistryAnalyst, DemoSeed.MontrealRegion), new RoleGrant(StaffRole.PlatformOperator, DemoSeed.MontrealRegion),
            RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, TestBookings.MontrealClinic),
            new RoleGrant(StaffRole.PrivacyOfficer, DemoSeed.MontrealRegion));
        using var _ = insider;

        foreach (var (route, authorization) in Routes().Where(r => Rules[r.Route].Access is not Access.Public))
        {
            var (access, probe) = Rules[route];
            var address = probe!(_victim);
            var (insiderStatus, insiderPage) = await insider.PageAsync(address);
            Assert.True(insiderStatus == HttpStatusCode.OK, $"{route}: the victim's own administrator gets {insiderStatus}");
            var forms = Handlers().Matches(insiderPage).Select(m => m.Groups["handler"].Value).Distinct().ToList();
            var permission = authorization.Select(a => a.Policy).OfType<string>().Select(Permission).SingleOrDefault(p => p is not null);

            foreach (var (who, attacker) in await AttackersAsync(access, permission))
            {
                using var session = attacker;
                var (status, html) = await session.PageAsync(address);
                var allowed = access switch
                {
                    Access.Resource => status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                    _ => status is HttpStatusCode.OK or HttpStatusCode.Forbidden,
                };
                if (!allowed)
                    failures.Add($"{who} on {address}: {status}");
                failures.AddRange(Leaks(html).Select(leak => $"{who} on {address} sees {leak}"));

                foreach (var form in forms)
                {
                    var before = await VictimStateAsync();
                    var response = await session.PostFormAsync(address, form, tokenPage: "", AttackFields());
                    var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                    // A personal page's form acts on the person's own account: any answer, as long as the victim's tenant is untouched.
                    if (access != Access.Personal && response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity))
                        failures.Add($"{who} posting '{form}' to {address}: {response.StatusCode}");
                    failures.AddRange(Leaks(body).Select(leak => $"{who} posting '{form}' to {address} sees {leak}"));
                    if (await VictimStateAsync() != before)
                        failures.Add($"{who} posting '{form}' to {address} changed the victim's tenant");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Another tenant's person holding the page's permission there, and the victim's colleague whose role does
    /// not grant it; for a personal page, any other person.</summary>
    private async Task<IReadOnlyList<(string Who, StaffSession Session)>> AttackersAsync(Access access, StaffPermission? permission)
    {
        if (permission is not { } required)
            return [("a Québec contact-centre agent", (await fixture.SignedInAsync(DemoSeed.QuebecRegion)).Session)];
        // An operator only when no other role grants it (the platform's own pages).
        var granting = StaffRolePermissions.Granting(required).Where(role => role != StaffRole.PlatformOperator).DefaultIfEmpty(StaffRole.PlatformOperator).First();
        var otherTenant = StaffRolePermissions.IsLimitedToClinics(granting)
            ? RoleGrant.At(granting, DemoSeed.QuebecRegion, TestBookings.QuebecClinic)
            : new RoleGrant(granting, DemoSeed.QuebecRegion);
        var smaller = Enum.GetValues<StaffRole>().First(role => !StaffRolePermissions.Of(role).Contains(required));
        var tooSmall = StaffRolePermissions.IsLimitedToClinics(smaller)
            ? RoleGrant.At(smaller, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique)
            : new RoleGrant(smaller, DemoSeed.MontrealRegion);
        return
        [
            ($"a Québec {granting}", (await fixture.SignedInAsync(DemoSeed.QuebecRegion, otherTenant)).Session),
            ($"a Montréal {smaller}", (await fixture.SignedInAsync(DemoSeed.MontrealRegion, tooSmall)).Session),
        ];
    }

    /// <summary>What a form would need to act on the victim's tenant: an account in it, a role over it or at its clinic, a
    /// clinic in it.</summary>
    private List<KeyValuePair<string, string>> AttackFields() =>
    [
        new("Input.Email", $"intrus-{Guid.NewGuid():N}@test.example"), new("Input.Name", "Intrus"), new("Input.Language", "fr"),
        new("Input.Tenant", DemoSeed.MontrealRegion.ToString()),
        new("Grant.Role", nameof(StaffRole.TenantAdministrator)), new("Grant.Tenant", DemoSeed.MontrealRegion.ToString()),
        new("clinic", DemoSeed.StadeOlympique.ToString()), new("Input.TenantId", DemoSeed.MontrealRegion.ToString()),
        new("Input.LocationId", DemoSeed.StadeOlympique.ToString()), new("Input.Action", "cancel"),
        new("reason", "clinic-closed"), new("formKey", Guid.NewGuid().ToString()), new("date", QuebecDate.NextWeekday(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("time", "09:00"), new("q", _victim.BookingCode),
        // An access request recorded against the victim's booking.
        new("code", _victim.BookingCode), new("channel", "phone"), new("received", QuebecDate.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("note", "Intrus"),
    ];

    /// <summary>The victim's data found in a page (not the booking's code: a look-up page shows the code it was asked).</summary>
    private IEnumerable<string> Leaks(string html) =>
        new[] { _victim.Email, _victim.Name, _victim.CitizenName, _victim.ClinicName, _victim.ServiceName, _victim.CampaignName, _victim.MachineClientName,
            _victim.CorrectedValue }
            .Where(html.Contains);

    /// <summary>Everything an administration, offer, front-desk or privacy form could change in the Montréal region.</summary>
    private Task<string> VictimStateAsync() => fixture.Database.ScalarAsync<string>("""
        select concat_ws('|',
            (select count(*) from staff_users where tenant_id = @tenant),
            (select count(*) from staff_users where tenant_id = @tenant and (suspended_at is not null or must_change_password or not two_factor_enabled)),
            (select count(*) || ':' || coalesce(sum(extract(epoch from r.review_due)), 0)
             from staff_role_assignments r join staff_users u on u.id = r.user_id where u.tenant_id = @tenant),
            (select count(*) from staff_role_requests q join staff_users u on u.id = q.user_id where u.tenant_id = @tenant),
            (select count(*) from staff_account_audit where tenant_id = @tenant),
            (select count(*) from staff_notifications n join staff_users u on u.id = n.staff_user_id where u.tenant_id = @tenant),
            (select count(*) from staff_recovery_codes c join staff_users u on u.id = c.user_id where u.tenant_id = @tenant),
            (select count(*) || ':' || coalesce(sum(l.version), 0) from locations l where l.tenant_id = @tenant),
            (select count(*) || ':' || coalesce(sum(w.version), 0) from weekly_templates w join locations l on l.id = w.location_id where l.tenant_id = @tenant),
            (select count(*) || ':' || coalesce(sum(e.version), 0) from schedule_exceptions e join locations l on l.id = e.location_id where l.tenant_id = @tenant),
            (select count(*) from offer_audit a join locations l on l.id = a.location_id where l.tenant_id = @tenant),
            (select count(*) || ':' || coalesce(sum(version), 0) from tenant_services where tenant_id = @tenant),
            (select count(*) || ':' || coalesce(sum(version), 0) from campaigns where tenant_id = @tenant),
            (select count(*) from bookings where tenant_id = @tenant and (checked_in_at is not null or no_show_at is not null)),
            (select count(*) || ':' || coalesce(sum(version), 0) from bookings where tenant_id = @tenant),
            (select count(*) from booking_change_audit where tenant_id = @tenant),
            (select count(*) from bulk_jobs where tenant_id = @tenant),
            (select count(*) || ':' || coalesce(sum(version), 0) from machine_clients where tenant_id = @tenant),
            (select count(*) || ':' || count(c.assigned_to) || ':' || count(c.answered_at)
             from correction_requests c join bookings b on b.id = c.booking_id where b.tenant_id = @tenant),
            (select count(*) || ':' || count(a.assigned_to) || ':' || count(a.answered_at)
             from access_requests a join bookings b on b.id = a.booking_id where b.tenant_id = @tenant))
        """, ("tenant", DemoSeed.MontrealRegion));

    private static StaffPermission? Permission(string policy) =>
        Enum.GetValues<StaffPermission>().Cast<StaffPermission?>().FirstOrDefault(p => StaffPolicies.For(p!.Value) == policy);

    [GeneratedRegex("<input type=\"hidden\" name=\"_handler\" value=\"(?<handler>[^\"]+)\"")]
    private static partial Regex Handlers();
}
