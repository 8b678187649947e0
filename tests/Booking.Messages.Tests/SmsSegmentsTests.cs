using Booking.Messages.Formatting;

namespace Booking.Messages.Tests;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(160, 'a', 1)]
    [InlineData(161, 'a', 2)]
    [InlineData(306, 'é', 2)] // é is in the GSM alphabet
    [InlineData(307, 'é', 3)]
    [InlineData(70, 'ô', 1)]  // ô is not: the whole text goes as UCS-2
    [InlineData(71, 'ô', 2)]
    [InlineData(80, '€', 1)]  // € takes two GSM characters
    [InlineData(81, '€', 2)]
    public void Counts_parts_as_carriers_bill_them(int length, char character, int parts) =>
        Assert.Equal(parts, SmsSegments.Count(new string(character, length)));
}
