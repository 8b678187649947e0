using System.Security.Cryptography;
using System.Text;

namespace Booking.Web.Feed;

/// <summary>The ids of the feed's FHIR resources: the same from one edition (and one web host) to the next, so a
/// client can follow a slot. FHIR allows at most 64 characters of [A-Za-z0-9.-]; a service code may hold '_' and run
/// to 32 characters, so schedules and slots are named by a digest of what identifies them.</summary>
public static class FeedResourceIds
{
    public static string Location(Guid locationId) => locationId.ToString("N");

    public static string Schedule(Guid locationId, string serviceCode) => Digest($"schedule|{locationId:N}|{serviceCode}");

    public static string Slot(Guid locationId, string serviceCode, DateTimeOffset start, string status) =>
        Digest($"slot|{locationId:N}|{serviceCode}|{start.UtcTicks}|{status}");

    private static string Digest(string identity) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
}
