using System.Reflection;
using Booking.Grains;
using Booking.Silo.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Serialization;

namespace Booking.Silo.Tests;

/// <summary>A database failure inside a grain call reaches the caller as an exception Orleans can serialise.</summary>
public sealed class InfrastructureFailureFilterTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(InfrastructureUnavailableException).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public async Task A_PostgresException_leaves_the_grain_as_an_InfrastructureUnavailableException_that_crosses_the_wire()
    {
        var failure = new PostgresException("database \"booking\" is not currently accepting connections", "FATAL", "FATAL", "55000");
        var call = CallThatThrows(failure);

        var thrown = await Assert.ThrowsAsync<InfrastructureUnavailableException>(() =>
            new InfrastructureFailureFilter(NullLogger<InfrastructureFailureFilter>.Instance).Invoke(call));

        Assert.Contains("55000", thrown.Message);
        var received = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(thrown));
        Assert.IsType<InfrastructureUnavailableException>(received);
        Assert.Equal(thrown.Message, received.Message);
    }

    [Fact]
    public async Task A_database_failure_wrapped_by_a_provider_is_found_and_translated()
    {
        var call = CallThatThrows(new InvalidOperationException("grain storage read failed", new NpgsqlException("connection refused")));

        await Assert.ThrowsAsync<InfrastructureUnavailableException>(() =>
            new InfrastructureFailureFilter(NullLogger<InfrastructureFailureFilter>.Instance).Invoke(call));
    }

    [Fact]
    public async Task Other_exceptions_pass_through_unchanged()
    {
        var call = CallThatThrows(new ArgumentException("a bug"));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new InfrastructureFailureFilter(NullLogger<InfrastructureFailureFilter>.Instance).Invoke(call));
    }

    private static IIncomingGrainCallContext CallThatThrows(Exception failure)
    {
        var call = DispatchProxy.Create<IIncomingGrainCallContext, FailingCall>();
        ((FailingCall)(object)call).Failure = failure;
        return call;
    }

    /// <summary>A grain call whose method throws; the names are all the filter reads besides.</summary>
    public class FailingCall : DispatchProxy
    {
        public Exception Failure { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod!.Name switch
        {
            nameof(IIncomingGrainCallContext.Invoke) => Task.FromException(Failure),
            "get_" + nameof(IIncomingGrainCallContext.InterfaceName) => "ILocationDayGrain",
            "get_" + nameof(IIncomingGrainCallContext.MethodName) => "Confirm",
            _ => throw new NotSupportedException(targetMethod.Name),
        };
    }
}
