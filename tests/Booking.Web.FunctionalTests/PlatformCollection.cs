using Booking.Testing;

namespace Booking.Web.FunctionalTests;

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
