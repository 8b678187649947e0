using System.Reflection;
using System.Text;
using Booking.Contracts;
using Booking.Grains;
using Booking.Grains.Inventory;
using Booking.Silo.Inventory;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Booking.Silo.Tests;

/// <summary>
/// Silos and clients of two versions meet during a rolling deploy: they must call each grain interface, method and
/// message by the same name. Those names are the [Alias]es (and grain types the [GrainType]s), never the C# names, so a
/// renamed or moved C# type changes nothing on the wire; an alias itself, once deployed, is never changed.
/// </summary>
public sealed class TypeIdentityTests
{
    private static readonly Assembly[] Contracts = [typeof(ILocationDayGrain).Assembly, typeof(SealedCitizen).Assembly, typeof(LocationDayGrain).Assembly];

    private static IEnumerable<Type> ContractTypes => Contracts.SelectMany(a => a.GetTypes());
    private static IEnumerable<Type> SerialisedTypes => ContractTypes.Where(t => t.IsDefined(typeof(GenerateSerializerAttribute), inherit: false));
    private static IEnumerable<Type> GrainInterfaces => ContractTypes.Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t));
    private static IEnumerable<Type> GrainClasses => ContractTypes.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t));

    // Not inherited: a message deriving from another (HoldResult.Held) must have an alias of its own.
    private static string? AliasOf(MemberInfo member) => member.GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias;

    /// <summary>The names clusters in production know. Add a line for a new message or grain; never edit one.</summary>
    private static readonly string[] Deployed =
    [
        "booking.Availability.FreeSlot", "booking.Availability.Location", "booking.Availability.ServiceDay",
        "booking.HoldKey", "booking.InfrastructureUnavailable",
        "booking.LocationDay", "booking.LocationDay.BookingConfirmation", "booking.LocationDay.CancelRequest",
        "booking.LocationDay.ChangeResult", "booking.LocationDay.ConfirmRequest", "booking.LocationDay.ConfirmResult",
        "booking.LocationDay.ConfirmResult.Confirmed", "booking.LocationDay.ConfirmResult.HoldExpired",
        "booking.LocationDay.ConfirmResult.KeyReused", "booking.LocationDay.ConfirmResult.SlotTaken",
        "booking.LocationDay.ConfirmResult.TooSoon", "booking.LocationDay.ConfirmResult.UnknownHold",
        "booking.LocationDay.HoldRequest", "booking.LocationDay.HoldResult",
        "booking.LocationDay.HoldResult.Full", "booking.LocationDay.HoldResult.Held", "booking.LocationDay.HoldResult.KeyReused",
        "booking.LocationDay.HoldResult.NoSuchSlot", "booking.LocationDay.HoldResult.SlotStarted", "booking.LocationDay.Key",
        "booking.LocationDay.MoveRequest", "booking.LocationDay.ProposedSlot", "booking.LocationDay.ScheduleProposal",
        "booking.LocationDay.StaffChange",
        "booking.LocationDay.StrandedSlot", "booking.SealedCitizen", "booking.SealedDeclarations", "booking.ServiceDayAvailability",
        "booking.WaitingRoom", "booking.WaitingRoom.Checkpoint", "booking.WaitingRoom.Standing", "booking.WaitingRoom.Ticket",
        "booking.WaitingRoom.Watermark",
        "booking.LocationDay.ConfirmResult.NoRoom", "booking.LocationDay.WalkInRequest",
        "booking.Bulk.DryRun", "booking.Bulk.Request", "booking.Bulk.Target", "booking.BulkPlanner",
        "booking.LocationDay.BulkCancel", "booking.LocationDay.BulkCancelBatch", "booking.LocationDay.BulkMove",
        "booking.LocationDay.BulkMoveBatch", "booking.LocationDay.BulkMoveOutcome", "booking.LocationDay.OfferHold",
        "booking.LocationDay.OfferHolds",
        "booking.HoldKeyShard",
    ];

    [Fact]
    public void Every_serialised_type_grain_interface_and_grain_method_has_an_alias()
    {
        var missing = SerialisedTypes.Concat(GrainInterfaces).Where(t => AliasOf(t) is null).Select(t => t.FullName)
            .Concat(GrainInterfaces.SelectMany(i => i.GetMethods()).Where(m => AliasOf(m) is null).Select(m => $"{m.DeclaringType!.FullName}.{m.Name}"))
            .ToList();

        Assert.True(missing.Count == 0, $"Without [Alias]: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_grain_class_names_its_grain_type()
    {
        var unnamed = GrainClasses.Where(t => !t.IsDefined(typeof(GrainTypeAttribute))).Select(t => t.FullName).ToList();

        Assert.True(unnamed.Count == 0, $"Without [GrainType] (its type would follow the class name): {string.Join(", ", unnamed)}");
    }

    [Fact]
    public void The_aliases_are_the_deployed_product_names()
    {
        var aliases = SerialisedTypes.Concat(GrainInterfaces).Select(AliasOf).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Deployed.Order(StringComparer.Ordinal), aliases);
    }

    [Fact]
    public void A_result_crosses_the_wire_named_by_its_alias_not_its_CSharp_name()
    {
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(HoldResult).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();

        var wire = Encoding.UTF8.GetString(serializer.SerializeToArray<HoldResult>(new HoldResult.Full()));

        Assert.Contains("booking.LocationDay.HoldResult.Full", wire);
        Assert.DoesNotContain("HoldResult+Full", wire);
    }
}
