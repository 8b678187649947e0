using System.Globalization;
using Booking.Testing;

namespace Booking.Web.FunctionalTests.Fuzzing;

/// <summary>What the platform under test really holds (service codes, clinics, a booking and its manage token), so
/// that some generated requests get past the first check and reach the code behind it.</summary>
public sealed record FuzzHints(IReadOnlyList<string> Services, IReadOnlyList<Guid> Locations, IReadOnlyList<string> Rooms,
    IReadOnlyList<(string Code, string Token)> Bookings);

/// <summary>The values the fuzzer draws from: hostile strings, boundary numbers and dates, and plausible values by field
/// name. Every draw comes from the one seeded <see cref="Random"/>, so a seed replays the same requests.</summary>
public sealed class FuzzValues(Random random, FuzzHints hints)
{
    private static readonly string[] HostileStrings =
    [
        "", " ", "\t", "null", "undefined", "NaN", "Infinity", "-Infinity", "true", "0", "-1", "1e309", "0x10", "١٢٣",
        "\0", "a\0b", "\u0001\u0002\u001f", "\u007f", "\r\n", "line\nbreak", "\uD800", "\uDFFF", "x\uDC00\uD800y", "\uFEFF", "\u202Eevil",
        "\u200B", "e\u0301", "💉", "Ω≈ç√", "Ｆｕｌｌ", "İı", "ß", "' OR 1=1 --", "\"; drop table bookings; --", "<script>alert(1)</script>",
        "../../etc/passwd", "..\\..\\", "%00", "%2F", "%", "${jndi:ldap://x}", "{0}", "%s%n", "\\", "\"", "/", "?", "#", "&", "=",
        "a\u0000", "%FF%FE", "\u00A0", "\u3000", "--", "H2X\u00A01Y4", "K7MQ3-XPRWA", "k7mq3xprwa", "AAAAA-AAAAA",
    ];

    private static readonly string[] IntegerTokens =
    [
        "0", "1", "-1", "2", "6", "7", "31", "32", "50", "51", "365", "500", "501", "1000", "1001",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "1.5", "-0", "0.0", "1e3", "1E+2", "1e400", "-1e400", "01",
        "\"7\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e3\"", "\" 7\"", "\"0x10\"", "\"\"",
    ];

    private static readonly string[] NumberTokens =
    [
        "0", "1", "0.5", "1000", "1000.0000001", "1.7976931348623157E+308", "-1.7976931348623157E+308", "4.9E-324", "-0", "1e400",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "\"-0\"", "\"5,5\"",
    ];

    public Random Random => random;

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string HostileString()
    {
        var roll = random.Next(10);
        if (roll < 5)
            return Pick(HostileStrings);
        if (roll < 7)
            return Pick(HostileStrings) + Plausible(Pick(["service", "firstName", "email", "code"]))?.ToString() + Pick(HostileStrings);
        if (roll < 9)
            return Huge();
        return new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 0x10000)).ToArray());
    }

    /// <summary>Long enough to pass every length limit, short enough that a body stays under the host's size limit.</summary>
    public string Huge()
    {
        var length = Pick([101, 255, 256, 1_000, 4_001, 10_000, 20_000]);
        var unit = Pick(["a", "é", "💉", "\u0000", "\uD800", " ", "-"]);
        return string.Concat(Enumerable.Repeat(unit, length / unit.Length));
    }

    /// <summary>From the seeded generator, unlike <see cref="Guid.NewGuid"/>, so that a seed replays it.</summary>
    public Guid RandomGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public FuzzJson Integer() => new FuzzJson.Token(Pick(IntegerTokens));

    public FuzzJson Number() => new FuzzJson.Token(Pick(NumberTokens));

    public string BoundaryDateTime()
    {
        var roll = random.Next(3);
        if (roll == 0)
            return Pick([
                "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "0001-01-01T04:59:59-05:00",
                "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59+14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T19:00:00-05:00",
                "2028-02-29T09:00:00-05:00", "2027-02-29T09:00:00-05:00", "2027-13-01T09:00:00Z", "2027-01-32T09:00:00Z",
                "2027-01-01T24:00:00Z", "2027-01-01T23:59:60Z", "2027-03-14T02:30:00", "2027-03-14T02:30:00-05:00",
                "2027-03-14T02:30:00-04:00", "2027-11-07T01:30:00-04:00", "2027-11-07T01:30:00-05:00", "2027-11-07T01:30:00",
                "1970-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+02027-01-01T00:00:00Z", "2027-01-01", "2027-01-01T09:00:00+25:00",
                "2027-01-01T09:00:00.123456789Z", "2027-01-01 09:00", "1700000000", "now", "",
            ]);
        // Around the clinics' real days: the next spring-forward and fall-back nights, and weekdays 12 to 19 (inside the
        // demo schedules' 30 days).
        var day = roll == 1 ? QuebecDate.NextWeekday(random.Next(12, 20)) : DaylightSavingDays[random.Next(DaylightSavingDays.Length)];
        var local = day.ToDateTime(new TimeOnly(random.Next(0, 24), Pick([0, 15, 30, 45, 7])));
        var offset = Pick([QuebecDate.Zone.GetUtcOffset(local), TimeSpan.FromHours(-4), TimeSpan.FromHours(-5), TimeSpan.Zero]);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public string BoundaryDate() => Pick([
        "0001-01-01", "9999-12-31", "2028-02-29", "2027-02-29", "2027-13-01", "2027-00-10", "1900-01-01", "20270101", "2027-1-1",
        "27-01-01", "2027/01/01", "01-01-2027", QuebecDate.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        QuebecDate.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        QuebecDate.Today.AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        QuebecDate.Today.AddDays(366).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        QuebecDate.NextWeekday(random.Next(12, 20)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DaylightSavingDays[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ]);

    public string Uuid() => Pick([
        RandomGuid().ToString(), Guid.Empty.ToString(), "00000000-0000-0000-0000-00000000000g", "{" + RandomGuid() + "}",
        RandomGuid().ToString("N"), RandomGuid().ToString().ToUpperInvariant(), "10000000-0000-4000-8000-00000000000",
    ]);

    /// <summary>A value that looks right for a field of this name, or null when the name means nothing to the fuzzer.</summary>
    public FuzzJson? Plausible(string name) => name.ToLowerInvariant() switch
    {
        "locationid" => new FuzzJson.String(Chance(0.8) ? Pick(hints.Locations).ToString() : Uuid()),
        "service" or "servicecode" => new FuzzJson.String(Chance(0.85) ? Pick(hints.Services) : Pick(hints.Services).ToLowerInvariant()),
        "start" => new FuzzJson.String(BoundaryDateTime()),
        "from" => new FuzzJson.String(BoundaryDate()),
        "people" => Chance(0.7) ? new FuzzJson.Token(random.Next(1, 8).ToString(CultureInfo.InvariantCulture)) : Integer(),
        "days" or "limit" or "slotsperlocation" => Integer(),
        "radiuskm" => Number(),
        "holdid" => new FuzzJson.String(HoldId()),
        "holdids" => new FuzzJson.Array(Enumerable.Range(0, random.Next(0, 8)).Select(_ => (FuzzJson)new FuzzJson.String(HoldId())).ToList()),
        "code" or "confirmationcode" => new FuzzJson.String(Chance(0.5) ? Pick(hints.Bookings).Code : Chance(0.5) ? Pick(hints.Services) : "K7MQ3-XPRWA"),
        "token" => new FuzzJson.String(Chance(0.6) ? Pick(hints.Bookings).Token : HostileString()),
        "name" => new FuzzJson.String(Chance(0.5) ? Pick(hints.Rooms) : "Élise Tremblay"),
        "postalcode" => new FuzzJson.String(Pick(["H2X 1Y4", "h2x1y4", "H2X", "G1R", "H2X-1Y4", "Z9Z 9Z9", "H0H 0H0", "X0A 0H0"])),
        "firstname" or "lastname" => new FuzzJson.String(Pick(["Élise", "Tremblay-Gagnon", "O'Neil", "Nguyễn", "X"])),
        "birthdate" => new FuzzJson.String(Chance(0.5) ? "1980-05-01" : BoundaryDate()),
        "healthcardnumber" => new FuzzJson.String(Pick(["TREM 8005 0112", "TREM80050112", "trem80050112", "TREM800501120"])),
        "email" => new FuzzJson.String(Pick(["citoyen@example.org", "a@b", "é@exemple.québec", "a@b.c", "\"a b\"@example.org"])),
        "phone" => new FuzzJson.String(Pick(["+1 514 555 0143", "514-555-0143", "+33 1 23 45 67 89", "+999999999999999", "1"])),
        "language" => new FuzzJson.String(Pick(["fr", "en", "FR", " en ", "de"])),
        "consent" or "emailconsent" => FuzzJson.Bool(Chance(0.8)),
        "screening" => new FuzzJson.Object(CitizenApi.PassingAnswers.Select(a => KeyValuePair.Create(a.Key, FuzzJson.Bool(Chance(0.8) ? a.Value : !a.Value))).ToList()),
        "prioritygroups" => new FuzzJson.Array([new FuzzJson.String(Pick(["health-worker", "general", "pregnant", "chronic-condition", "age-65+"]))]),
        "field" => new FuzzJson.String(Pick(["firstName", "lastName", "birthDate", "email", "phone", "language", "healthCardNumber", "status"])),
        "value" or "note" or "grounds" => new FuzzJson.String(Pick(["Mon nom s'écrit autrement.", "x"])),
        _ => null,
    };

    /// <summary>A hold id with the right shape (<c>location.yyyyMMdd.SERVICE.random</c>) around boundary days, or a near miss.</summary>
    public string HoldId()
    {
        var location = (Chance(0.8) ? Pick(hints.Locations) : RandomGuid()).ToString("N");
        var date = Pick([
            "00010101", "99991231", "20280229", "20270229", "00000000",
            QuebecDate.NextWeekday(random.Next(12, 20)).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            DaylightSavingDays[random.Next(DaylightSavingDays.Length)].ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        ]);
        var service = Chance(0.8) ? Pick(hints.Services) : Pick(["ZZ", "X", "FLU_", new string('A', 33)]);
        var secret = Convert.ToHexStringLower(Enumerable.Range(0, 12).Select(_ => (byte)random.Next(256)).ToArray());
        return random.Next(6) switch
        {
            0 => $"{location}.{date}.{service}.{secret}".ToUpperInvariant(),
            1 => $"{location}.{date}.{service}",
            2 => $"{location}.{date}.{service}.{secret}.{secret}",
            _ => $"{location}.{date}.{service}.{secret}",
        };
    }

    private static readonly DateOnly[] DaylightSavingDays = NextDaylightSavingDays();

    /// <summary>The next days on which Québec's clocks change (the spring-forward gap and the fall-back fold).</summary>
    private static DateOnly[] NextDaylightSavingDays()
    {
        var days = new List<DateOnly>();
        for (var day = QuebecDate.Today; days.Count < 2 && day < QuebecDate.Today.AddDays(400); day = day.AddDays(1))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            if (QuebecDate.Zone.GetUtcOffset(midnight) != QuebecDate.Zone.GetUtcOffset(midnight.AddDays(1)))
                days.Add(day);
        }
        return [.. days];
    }
}
