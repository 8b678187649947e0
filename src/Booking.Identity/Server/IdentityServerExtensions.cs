using Booking.Data.Protection;
using Booking.Identity.Api;
using Booking.Identity.Clients;
using Booking.Identity.Keys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Booking.Identity.Server;

/// <summary>
/// The OpenID Connect server inside the staff host (docs/decisions/0012-openiddict-in-the-staff-host.md and
/// 0016-staff-sites-sign-in-through-the-server.md): discovery at <c>/.well-known/openid-configuration</c>, keys at
/// <c>/.well-known/jwks</c>, the staff sites' authorization code flow with PKCE (<see cref="AuthorizationEndpoint"/>,
/// <see cref="EndSessionEndpoint"/>), the client-credentials grant at <see cref="TokenEndpoint.Path"/>, JWT tokens
/// signed ES256 with the key file's identity key; and the validation of those tokens for the platform's machine API.
/// </summary>
public static class IdentityServerExtensions
{
    /// <summary>The policy of the machine API: a valid access token from this server, nothing else (a staff cookie opens nothing there).</summary>
    public const string MachineClientPolicy = "machine-client";

    public static IHostApplicationBuilder AddIdentityServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityServerOptions>().Bind(builder.Configuration.GetSection(IdentityServerOptions.Section));
        builder.Services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizationEndpoint.Path.TrimStart('/'))
                    .SetEndSessionEndpointUris(EndSessionEndpoint.Path.TrimStart('/'))
                    .SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                // Staff sites: codes only, each bound to a PKCE challenge (a code intercepted on its way is useless).
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // S256 only: a "plain" challenge is the verifier itself, seen by whoever sees the request.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // No OpenIddict stores: machine clients live in our own table (hashed secrets, audited changes), checked
                // by ClientCredentialsCheck; staff sites are registered in the settings, checked by the other three.
                server.EnableDegradedMode();
                server.AddEventHandler(ClientCredentialsCheck.Descriptor)
                    .AddEventHandler(StaffSiteTokenCheck.Descriptor)
                    .AddEventHandler(AuthorizationRequestCheck.Descriptor)
                    .AddEventHandler(EndSessionRequestCheck.Descriptor);
                server.RegisterScopes([.. BiScopes.All]);
                // Plain signed JWTs, so that any resource server can check them against the published keys.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });
        // Keys, lifetime and clock from the host's settings, read when the server first starts: the key file is the
        // platform's (Booking:DataProtection:KeyFile), never the database.
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<ProtectionOptions>, IOptions<IdentityServerOptions>, TimeProvider>(
            (options, protection, settings, clock) =>
            {
                var keys = IdentityKeys.Load(protection.Value.KeyFile);
                options.SigningCredentials.Add(new SigningCredentials(keys.Signing, SecurityAlgorithms.EcdsaSha256));
                options.EncryptionCredentials.Add(new EncryptingCredentials(keys.Encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
                options.AccessTokenLifetime = settings.Value.AccessTokenLifetime;
                options.AuthorizationCodeLifetime = settings.Value.AuthorizationCodeLifetime;
                options.IdentityTokenLifetime = settings.Value.IdentityTokenLifetime;
                options.TimeProvider = clock;
            });
        builder.Services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IOptions<IdentityServerOptions>>(
            (options, settings) => options.DisableTransportSecurityRequirement = !settings.Value.RequireHttps);
        builder.Services.AddOptions<OpenIddictValidationOptions>().Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
        builder.Services.AddAuthorizationBuilder().AddPolicy(MachineClientPolicy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication MapIdentityServer(this WebApplication app)
    {
        app.MapAuthorizationEndpoint();
        app.MapEndSessionEndpoint();
        app.MapTokenEndpoint();
        app.MapBiApi();
        return app;
    }
}
