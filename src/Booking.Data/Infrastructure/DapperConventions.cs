using System.Data;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Runtime.CompilerServices;
using Dapper;

namespace Booking.Data.Infrastructure;

/// <summary>
/// Dapper's settings for this schema, applied once when the data layer loads: snake_case columns map to PascalCase
/// members (<c>display_name</c> to <c>DisplayName</c>), <c>inet</c> values pass as <see cref="IPAddress"/> and
/// <c>date</c> values as <see cref="DateOnly"/>.
/// Dapper's settings are process-wide, so they are set here, before any query of any host or test can run.
/// </summary>
public static class DapperConventions
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Dapper's settings are global; the data layer's own conventions must hold before its first query.")]
    internal static void Apply()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new IPAddressHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    /// <summary>Npgsql maps <see cref="IPAddress"/> to <c>inet</c> itself; Dapper only has to hand the value over.</summary>
    private sealed class IPAddressHandler : SqlMapper.TypeHandler<IPAddress>
    {
        public override void SetValue(IDbDataParameter parameter, IPAddress? value) => parameter.Value = (object?)value ?? DBNull.Value;

        public override IPAddress? Parse(object value) => (IPAddress)value;
    }

    /// <summary>Dapper has no <see cref="DateOnly"/> mapping of its own; Npgsql reads and writes it natively.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value) => parameter.Value = value;

        public override DateOnly Parse(object value) => value is DateTime dateTime ? DateOnly.FromDateTime(dateTime) : (DateOnly)value;
    }
}
