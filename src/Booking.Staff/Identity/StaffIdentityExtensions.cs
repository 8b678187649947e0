using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Booking.Staff.Identity;

public static class StaffIdentityExtensions
{
    /// <summary>Staff accounts (ASP.NET Core Identity on our tables, through the host's one <see cref="NpgsqlDataSource"/>)
    /// and their sign-in rules. Needs the data layer (<c>AddBookingData</c>) and the key file (<c>AddBookingProtection</c>) for the
    /// authenticator keys. A web host
    /// adds the sign-in manager and cookies; a tool only manages accounts.</summary>
    public static IdentityBuilder AddStaffAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffSignInOptions>()
            .Bind(configuration.GetSection(StaffSignInOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDbContext<StaffIdentityContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddOptions<IdentityOptions>().Configure<IOptions<StaffSignInOptions>>((identity, signIn) =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = signIn.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = signIn.Value.Lockout;
            identity.Password.RequiredLength = signIn.Value.MinPasswordLength;
            identity.User.RequireUniqueEmail = true;
        });
        services.TryAddScoped<StaffRecoveryCodes>();
        services.TryAddSingleton(TimeProvider.System);
        // Only the authenticator (TOTP) provider: no e-mailed reset or confirmation tokens in this slice.
        return services.AddIdentityCore<StaffUser>()
            .AddUserStore<StaffUserStore>()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
