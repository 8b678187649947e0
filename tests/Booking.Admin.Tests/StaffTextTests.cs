extern alias admin;
using System.Globalization;
using System.Resources;
using admin::Booking.Admin.Resources;
using Booking.Data.Notifications;
using Booking.Messages;

namespace Booking.Admin.Tests;

/// <summary>The staff site's words: French and English side by side, and one for every value a message row can hold.</summary>
public sealed class StaffTextTests
{
    private static readonly ResourceManager Texts = new("Booking.Admin.Resources.StaffText", typeof(StaffText).Assembly);

    private static Dictionary<string, string> In(string culture) =>
        Texts.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Every_french_text_has_an_english_twin_and_the_reverse()
    {
        var french = In("fr");
        var english = In("en");

        Assert.NotEmpty(french);
        Assert.Equal(french.Keys.Order(), english.Keys.Order());
        Assert.All(english, text => Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key));
    }

    /// <summary>Every status and kind a message row can hold ('sending' is the worker's claim, named in its SQL only).</summary>
    public static TheoryData<string> MessageWords() => new(
        typeof(NotificationStatus).GetFields().Select(f => "Delivery." + f.GetValue(null))
            .Append("Delivery.sending")
            .Concat(Enum.GetNames<MessageKind>().Select(kind => "Kind." + kind))
            .Concat(new[] { NotificationChannel.Email, NotificationChannel.Sms }.Select(channel => "Channel." + channel)));

    [Theory]
    [MemberData(nameof(MessageWords))]
    public void Every_message_status_kind_and_channel_has_its_words(string key)
    {
        Assert.Contains(key, In("fr").Keys);
    }
}
