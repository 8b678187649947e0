using System.Net;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Dapper;
using Npgsql;

namespace Booking.Data.Privacy;

/// <summary>An access request as staff record it. <paramref name="ReceivedOn"/> is the day it reached the organisation
/// (Québec time); <paramref name="FormKey"/> the recording form's own key, so the same form sent twice records once.</summary>
public sealed record NewAccessRequest(Guid BookingId, string Channel, DateOnly ReceivedOn, SealedData Note, Guid FormKey);

/// <summary>
/// Access requests (Law 25, s. 27) that staff record for a citizen who asked by phone, letter, e-mail or in person. A
/// request is recorded only against a booking at a clinic where the recording person holds the permission
/// (<see cref="StaffScopeSql"/>), in one statement with its access-log entry; the queue then handles it like a correction
/// (<see cref="PrivacyQueueRepository"/>).
/// </summary>
public sealed class AccessRequestRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Records the request, received now when <see cref="NewAccessRequest.ReceivedOn"/> is today in
    /// <paramref name="zone"/> (or later, by the database's clock a moment behind the caller's at midnight), else at the
    /// start of that day. The booking's scope is checked again in the statement
    /// that writes. A form already recorded by the same person records nothing more and answers the request it
    /// recorded.</summary>
    /// <returns>The request's id; null when the booking is out of the grantee's scope.</returns>
    public async Task<Guid?> RecordAsync(StaffGrantee grantee, NewAccessRequest request, TimeZoneInfo zone, string program, IPAddress? sourceIp,
        CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Locations("visible")},
            inserted as (
                insert into access_requests (id, booking_id, channel, received_at, recorded_by, form_key, ciphertext, encryption_key_id)
                select @id, b.id, @channel,
                       case when @receivedOn >= (now() at time zone @zone)::date then now() else @receivedOn::timestamp at time zone @zone end,
                       @staff_user, @formKey, @cipher, @key
                from bookings b where b.id = @booking and b.location_id in (select id from visible)
                on conflict (recorded_by, form_key) do nothing
                returning id),
            traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
                select 'staff:' || @staff_user, 'create', 'access_requests', id, @program, @ip from inserted)
            select id from inserted
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var recorded = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(sql, StaffScopeSql.Parameters(grantee, new
        {
            id = Guid.CreateVersion7(), booking = request.BookingId, channel = request.Channel, receivedOn = request.ReceivedOn, zone = zone.Id,
            formKey = request.FormKey, cipher = request.Note.Ciphertext, key = request.Note.KeyId, program, ip = sourceIp,
        }), cancellationToken: cancellationToken));
        // Nothing inserted: the form was recorded already (read in a statement of its own, which sees a concurrent
        // submission's commit), or the booking is out of scope.
        return recorded ?? await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "select id from access_requests where recorded_by = @staff and form_key = @formKey and booking_id = @booking",
            new { staff = grantee.UserId, formKey = request.FormKey, booking = request.BookingId }, cancellationToken: cancellationToken));
    }
}
