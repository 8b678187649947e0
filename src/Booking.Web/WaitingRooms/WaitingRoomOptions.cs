using System.Text.RegularExpressions;
using Booking.Domain.WaitingRooms;
using Microsoft.Extensions.Options;

namespace Booking.Web.WaitingRooms;

/// <summary>
/// The waiting rooms' settings: how long a pass lasts and how many holds it serves, and rooms a host's configuration
/// adds (<c>WaitingRoom:Rooms:&lt;name&gt;</c>: which services a room gates and how many visitors a minute it lets
/// through). Campaigns' rooms are data, turned on by staff (see <see cref="WaitingRoom"/>).
/// </summary>
public sealed partial class WaitingRoomOptions
{
    public const string Section = "WaitingRoom";

    public Dictionary<string, RoomOptions> Rooms { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long an admission pass lets its holder hold slots.</summary>
    public int PassMinutes { get; set; } = 20;

    /// <summary>How many holds one admission may make: enough for a family's retries, too few to resell the pass.</summary>
    public int HoldsPerPass { get; set; } = 3;

    /// <summary>How old a room's watermark may get before this host asks the room again (see <see cref="RoomWatermarks"/>):
    /// a waiting visitor's position lags the room by no more, and the room gets a call per host this often at most.</summary>
    public int WatermarkRefreshMilliseconds { get; set; } = 250;

    /// <summary>The longest a waiting visitor's page goes without asking again (see <see cref="PollInterval"/>): how
    /// stale the position it shows may get, against how many polls a long queue sends.</summary>
    public int LongestPollSeconds { get; set; } = 60;

    public sealed class RoomOptions
    {
        public bool Enabled { get; set; }
        public int AdmissionsPerMinute { get; set; } = 600;
        public List<string> Services { get; set; } = [];
    }

    /// <summary>Every problem with the configuration, for ValidateOnStart (empty when valid).</summary>
    public IEnumerable<string> Problems()
    {
        if (PassMinutes is < 1 or > 24 * 60)
            yield return "WaitingRoom:PassMinutes must be between 1 and 1440.";
        if (HoldsPerPass is < 1 or > 100)
            yield return "WaitingRoom:HoldsPerPass must be between 1 and 100.";
        if (WatermarkRefreshMilliseconds is < 1 or > 600_000)
            yield return "WaitingRoom:WatermarkRefreshMilliseconds must be between 1 and 600000.";
        if (LongestPollSeconds is < PollInterval.ShortestSeconds or > 600)
            yield return $"WaitingRoom:LongestPollSeconds must be between {PollInterval.ShortestSeconds} and 600.";
        foreach (var (name, room) in Rooms)
        {
            if (!NamePattern().IsMatch(name))
                yield return $"WaitingRoom:Rooms:{name}: a room name is 2 to 40 lower-case letters, digits and hyphens, starting with a letter.";
            if (room.AdmissionsPerMinute is < 1 or > 1_000_000)
                yield return $"WaitingRoom:Rooms:{name}:AdmissionsPerMinute must be between 1 and 1000000.";
            if (room.Enabled && room.Services.Count == 0)
                yield return $"WaitingRoom:Rooms:{name}:Services must name at least one service code.";
        }
        foreach (var service in Rooms.Values.Where(r => r.Enabled).SelectMany(r => r.Services).GroupBy(s => s).Where(g => g.Count() > 1))
            yield return $"Service {service.Key} is gated by more than one enabled waiting room.";
    }

    /// <summary>Reports each configuration problem by name at start-up.</summary>
    public sealed class Validator : IValidateOptions<WaitingRoomOptions>
    {
        public ValidateOptionsResult Validate(string? name, WaitingRoomOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex NamePattern();
}
