using Booking.Data.Demo;

namespace Booking.Admin.Tests.Offer;

/// <summary>The demo clinics the offer's tests change, each test at its own clinic or weekday.</summary>
public static class DemoClinics
{
    public static readonly Guid StadeOlympique = DemoSeed.StadeOlympique;
    public static readonly Guid PalaisDesCongres = new("10000000-0000-4000-8000-000000000002");
    public static readonly Guid CentreLaval = new("10000000-0000-4000-8000-000000000004");
    public static readonly Guid ExpoCite = new("10000000-0000-4000-8000-000000000005");
    public static readonly Guid HauteVille = new("10000000-0000-4000-8000-000000000006");
}
