using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>People on the waiting list for FLU, and the offers they got, as the clinic-days see them. A clinic-day never
/// reads a person's contact, so it is a stand-in.</summary>
internal static class WaitingListEntries
{
    public static Task<Guid> JoinAsync(PostgresDatabase database, Guid location, DateOnly date) => database.ScalarAsync<Guid>("""
        insert into waiting_list_entries (id, service_code, location_ids, from_date, to_date, contact_ciphertext, encryption_key_id,
                                          contact_fingerprint, language)
        values (gen_random_uuid(), 'FLU', array[@location], @date, @date, '\x00', 'test', gen_random_uuid()::text::bytea, 'fr')
        returning id
        """, ("location", location), ("date", date));

    public static Task<long> OffersAsync(PostgresDatabase database, Guid entry) =>
        database.ScalarAsync<long>("select count(*) from waiting_list_offers where entry_id = @entry", ("entry", entry));
}
