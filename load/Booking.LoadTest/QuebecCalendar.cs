using Booking.Domain.Catalog;

namespace Booking.LoadTest;

/// <summary>Dates are the clinics' (Québec's), not this machine's: the API rejects a "from" before today in Québec.</summary>
public static class QuebecCalendar
{
    public static DateOnly DaysAhead(int days) => QuebecTime.Today(TimeProvider.System).AddDays(days);
}
