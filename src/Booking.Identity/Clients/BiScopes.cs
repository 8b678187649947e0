using Booking.Reporting.Datasets;

namespace Booking.Identity.Clients;

/// <summary>One scope per dataset of the ministry's extracts: <c>bi.bookings</c>, <c>bi.capacity</c>, … A client is
/// given some; a token carries those it asked for (all of them when it asked for none).</summary>
public static class BiScopes
{
    public const string Prefix = "bi.";

    public static readonly IReadOnlyList<string> All =
        new[] { BookingsDataset.Name, CapacityDataset.Name, NotificationVolumesDataset.Name, PrivacyRequestsDataset.Name, WaitingRoomDataset.Name }
            .Select(Of).ToList();

    public static string Of(string dataset) => Prefix + dataset;
}
