namespace Booking.Grains;

/// <summary>What silos and their clients must agree on to find each other: the configuration section, the default
/// cluster and service ids, and the ADO.NET provider their shared membership table is reached through.</summary>
public static class ClusterIdentity
{
    public const string Section = "Orleans";
    public const string DefaultClusterId = "booking-dev";
    public const string DefaultServiceId = "booking";

    /// <summary>PostgreSQL's ADO.NET provider name, as Orleans' ADO.NET providers know it.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>Exceptions of this namespace (PostgreSQL's provider) may cross between silo and client, which both
    /// configure in <c>ExceptionSerializationOptions</c>: a grain failing to activate on a database error reports it so.</summary>
    public const string DatabaseExceptionNamespace = "Npgsql";
}
