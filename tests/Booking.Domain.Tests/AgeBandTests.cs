using System.Globalization;
using Booking.Domain.Citizens;

namespace Booking.Domain.Tests;

/// <summary>The band is the age on the appointment's day, not on the day of booking, at each band's edges.</summary>
public class AgeBandTests
{
    private static readonly DateOnly Appointment = new(2027, 3, 15);

    [Theory]
    [InlineData("2022-03-16", "0-4")]
    [InlineData("2022-03-15", "5-11")]
    [InlineData("2015-03-16", "5-11")]
    [InlineData("2015-03-15", "12-17")]
    [InlineData("2009-03-15", "18-29")]
    [InlineData("1997-03-16", "18-29")]
    [InlineData("1997-03-15", "30-39")]
    [InlineData("1968-01-01", "50-59")]
    [InlineData("1947-03-16", "70-79")]
    [InlineData("1947-03-15", "80+")]
    [InlineData("1920-06-01", "80+")]
    public void A_person_is_counted_by_their_age_on_the_day_of_the_appointment(string birthDate, string band) =>
        Assert.Equal(band, AgeBand.On(DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), Appointment));
}
