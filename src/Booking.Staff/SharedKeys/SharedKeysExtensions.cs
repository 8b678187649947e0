using Booking.Data.Protection;
using Booking.Data.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Booking.Staff.SharedKeys;

public static class SharedKeysExtensions
{
    /// <summary>The name every admin host protects under: cookies and antiforgery tokens of one host are read by another
    /// only if both use the same name and key ring.</summary>
    public const string ApplicationName = "Booking.Admin";

    /// <summary>Data protection (staff cookies, antiforgery tokens) on the key ring shared in PostgreSQL, each key
    /// encrypted with the key file. Needs <c>AddBookingData</c> and <c>AddBookingProtection</c>.</summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<DataProtectionKeys>());
            options.XmlEncryptor = new KeyFileXmlEncryptor(sp.GetRequiredService<PersonalDataProtector>());
        }));
        return services;
    }
}
