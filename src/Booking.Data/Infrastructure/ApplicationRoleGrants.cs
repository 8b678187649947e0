namespace Booking.Data.Infrastructure;

/// <summary>What the hosts' role, <c>booking_app</c> (or a login role that is a member of it), may do: read and write
/// rows, never change the schema or own anything. The migration runner re-applies this after every run, as the owner,
/// so a table added by any later migration is covered; a table the application must not change or empty needs its own
/// revoke here.</summary>
public static class ApplicationRoleGrants
{
    public const string Role = "booking_app";

    public const string Sql = """
        grant usage on schema public to booking_app;
        grant select, insert, update, delete on all tables in schema public to booking_app;
        grant usage, select on all sequences in schema public to booking_app;
        grant execute on all functions in schema public to booking_app;
        -- Also for what later migrations create, in case one runs without this step.
        alter default privileges in schema public grant select, insert, update, delete on tables to booking_app;
        alter default privileges in schema public grant usage, select on sequences to booking_app;

        -- The record of who saw personal data is evidence (Law 25): the application adds entries (the database sets
        -- their time and writer) and reads them back; it never edits or removes one, nor writes their seals in the
        -- hash chain. Sealing and the retention purge are the owner's functions, which it may run.
        revoke insert, update, delete, truncate on personal_data_access_log, personal_data_access_log_anchors, personal_data_access_log_seals from booking_app;
        grant insert (actor, access, table_name, record_id, program, source_ip) on personal_data_access_log to booking_app;
        -- Likewise who changed a staff account, and every staff sign-in attempt.
        revoke update, delete, truncate on staff_account_audit, staff_sign_in_log from booking_app;
        -- So is the record of who changed the offer, who downloaded the ministry's extracts, who changed a machine client.
        revoke update, delete, truncate on offer_audit, extract_downloads, machine_client_audit from booking_app;
        -- And of who cancelled or moved a citizen's booking, and why.
        revoke update, delete, truncate on booking_change_audit from booking_app;
        -- The retention classes' defaults and floors change by migration only; a tenant's own months are its rows.
        revoke insert, update, delete, truncate on retention_classes from booking_app;
        -- And the proof that a departed tenant's data key was destroyed.
        revoke update, delete, truncate on tenant_key_destructions from booking_app;
        -- The queries Orleans runs and the migration history are the owner's to change.
        revoke insert, update, delete, truncate on orleansquery, schema_migrations from booking_app;
        """;
}
