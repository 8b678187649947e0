using System.Globalization;
using Booking.Data.Audit;
using Booking.Data.Demo;
using Booking.Data.Infrastructure;
using Booking.Data.Notifications;
using Booking.Data.Operations;
using Booking.Data.PostalCodes;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Data.Reporting;
using Booking.Data.Retention;
using Booking.Domain.Catalog;
using Booking.Identity.Keys;
using Booking.Passes.Keys;
using Booking.Reporting;
using Booking.Reporting.Building;
using Booking.Reporting.Datasets;
using Booking.Staff.Demo;
using Booking.Staff.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Operator commands. They connect as the application role, ConnectionStrings__Booking (or --ConnectionStrings:Booking=...),
// except migrate: the schema owner, ConnectionStrings__BookingMigrations.
const string usage = """
    usage: Booking.Tool <command>
      migrate                      apply database migrations (ours and Orleans') and the application role's grants,
                                   as the schema owner (ConnectionStrings:BookingMigrations)
      seed-demo                    demo tenants, clinics, services, 30 days of schedules, Québec FSA centroids, and demo
                                   staff accounts, one per role at least (initial password, to change at first sign-in);
                                   after migrate
      import-postal-codes FILE     import a GeoNames postal-code dump for Canada (CA.txt or CA_full.txt)
      init-keys FILE               create a new key file (personal-data encryption, fingerprints, manage links) if absent,
                                   and give it a first appointment-pass signing key and the identity server's keys if it has none
      rotate-signing-key FILE [--overlap-days N]
                                   a new pass signing key signs from now; current keys stay published N days (default 90)
      metering --month YYYY-MM     messages sent per tenant, category (transactional/bulk) and channel, as CSV
      availability-report --month YYYY-MM
                                   the month's availability (Québec time) from the silos' probes and the incidents:
                                   uptime against 99.5 % (planned outages excluded), incidents, time to restore;
                                   exit code 1 when the objective is missed
      tenant-keys                  give every tenant that has none its own data key in the key file
                                   (Booking:DataProtection:KeyFile), then reseal what it already holds under that key;
                                   run after creating a tenant, before its clinics open
      reseal-tenant --tenant ID [--batch N]
                                   seal the tenant's personal data again with its own key where another key seals it
                                   (sealed before it had one, or its bookings moved from another tenant), N records per
                                   transaction (default 200); can be stopped and run again; exit 1 when some are left
      shred-tenant --tenant ID --by OPERATOR --reason TEXT
                                   crypto-shredding of a tenant that leaves: destroy its data keys in the key file, so its
                                   sealed data can never be read again, and record the destruction; refused while records
                                   wait to be resealed (it names the tenants to reseal); exit 1 when refused
      shredding-records            the recorded destructions of tenant keys, as key=value lines
      build-extract --day YYYY-MM-DD
                                   build (or rebuild) that day's partition of the ministry's extracts now, through the
                                   reporting connection, as the worker's daily job does; prints the rows and seconds
      verify-audit                 walk the personal-data access log's hash chain; exit 1 at the first broken link
      purge-retention              erase personal data past each tenant's retention now (as the silos do daily), and
                                   print the count per class and tenant
      check-restore [--sample N]   read checks of a restored database, as key=value lines: bookings, the last one, the
                                   inventory audit, and how many of the N latest citizen records (default 100) the key
                                   file opens; exit code 1 when a slot is over capacity
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(usage);
    return 2;
}

if (args[0] == "init-keys")
{
    if (args.Length < 2)
    {
        Console.Error.WriteLine(usage);
        return 2;
    }
    if (File.Exists(args[1]))
    {
        Console.WriteLine($"Key file {args[1]} already exists; its keys are left as they are.");
        if (KeyFileAccess.RestrictToOwner(args[1]))
            Console.WriteLine($"Key file {args[1]} was open to other users; it is now readable by its owner only.");
    }
    else
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
        KeyRing.Generate($"k{DateTime.UtcNow:yyyyMMdd}").Save(args[1]);
        Console.WriteLine($"Created key file {args[1]}.");
    }
    if (SigningKeyFile.AddFirstKeyIfMissing(args[1], DateTimeOffset.UtcNow) is { } signingKey)
        Console.WriteLine($"Added the first appointment-pass {signingKey}.");
    if (IdentityKeys.AddIfMissing(args[1]) is { } identityKey)
        Console.WriteLine($"Added the identity server's token signing key {identityKey} and its encryption key.");
    return 0;
}

if (args[0] == "rotate-signing-key")
{
    var overlapDays = 90;
    var overlapAt = Array.IndexOf(args, "--overlap-days");
    if (args.Length < 2 || !File.Exists(args[1])
        || (overlapAt > 0 && (overlapAt + 1 >= args.Length || !int.TryParse(args[overlapAt + 1], out overlapDays) || overlapDays < 0)))
    {
        Console.Error.WriteLine(usage);
        return 2;
    }
    // Overlap must outlast the passes already handed out: bookings open weeks ahead, and a pass lasts until its day ends.
    var rotation = SigningKeyFile.Rotate(args[1], DateTimeOffset.UtcNow, TimeSpan.FromDays(overlapDays));
    Console.WriteLine($"Added {rotation.Added}; it signs from now on.");
    foreach (var key in rotation.Overlapping)
        Console.WriteLine($"Still published: {key}.");
    foreach (var key in rotation.Dropped)
        Console.WriteLine($"Destroyed retired {key}.");
    Console.WriteLine("Restart the hosts that read this file so they sign with the new key.");
    return 0;
}

var builder = Host.CreateApplicationBuilder(args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray());
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (args[0] == "migrate")
{
    // The only command that needs the owner, and the only one that needs nothing else.
    builder.Services.AddBookingMigrations(builder.Configuration);
    using var migrator = builder.Build();
    var applied = await migrator.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
    Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", applied)}");
    return 0;
}
builder.Services.AddBookingData(builder.Configuration);
builder.Services.AddSingleton<DemoSeed>();
builder.Services.AddBookingProtection(builder.Configuration);
builder.Services.AddStaffAccounts(builder.Configuration);
builder.Services.AddScoped<DemoStaffAccounts>();
builder.Services.AddSingleton<RestoreCheck>();
builder.Services.AddSingleton<TenantShredding>();
builder.Services.AddMinistryExtracts(builder.Configuration);
using var host = builder.Build();
var services = host.Services;

switch (args[0])
{
    case "seed-demo":
        var today = QuebecTime.Today(TimeProvider.System);
        await services.GetRequiredService<DemoSeed>().ApplyAsync(today);
        var centroids = await services.GetRequiredService<PostalCodeRepository>().UpsertAsync(FsaCentroidSeed.Read());
        Console.WriteLine($"Demo data seeded for {today:yyyy-MM-dd} + 30 days; {centroids} FSA centroids.");
        using (var scope = services.CreateScope())
        {
            var demoStaff = scope.ServiceProvider.GetRequiredService<DemoStaffAccounts>();
            foreach (var email in await demoStaff.EnsureAsync())
                Console.WriteLine($"Staff account {email} created.");
            Console.WriteLine($"Demo staff accounts (first password {DemoStaffAccounts.InitialPassword}, to change at first sign-in):");
            foreach (var line in await demoStaff.DescribeAsync())
                Console.WriteLine("  " + line);
        }
        return 0;

    case "import-postal-codes" when args.Length >= 2:
        using (var reader = File.OpenText(args[1]))
        {
            // Streamed: the full Canadian file is some 800 000 lines.
            var file = new GeoNamesPostalCodeReader(reader);
            var imported = await services.GetRequiredService<PostalCodeRepository>().UpsertAsync(file.ReadAsync());
            Console.WriteLine($"Imported {imported} postal codes from {file.LinesRead} lines of {args[1]}.");
            if (file.SkippedLines > 0)
                Console.WriteLine($"Skipped {file.SkippedLines} malformed lines, first at lines {string.Join(", ", file.FirstSkippedLineNumbers)}.");
        }
        return 0;

    case "metering" when args.Length >= 3 && args[1] == "--month"
                          && DateOnly.TryParseExact(args[2] + "-01", "yyyy-MM-dd", out var month):
        Console.WriteLine("tenant_id,tenant,month,category,channel,messages");
        foreach (var line in await services.GetRequiredService<MeteringQuery>().ForMonthAsync(month.Year, month.Month))
            Console.WriteLine($"{line.TenantId},{Csv(line.TenantName)},{line.Month},{line.Category},{line.Channel},{line.Messages}");
        return 0;

    case "availability-report" when args.Length >= 3 && args[1] == "--month"
                                     && DateOnly.TryParseExact(args[2] + "-01", "yyyy-MM-dd", out var reportMonth):
        var report = await services.GetRequiredService<AvailabilityRecord>().ReportAsync(reportMonth);
        Console.Write(report.ToText());
        return report.MeetsObjective ? 0 : 1;

    case "tenant-keys":
        var keys = await services.GetRequiredService<TenantShredding>().AddMissingKeysAsync();
        foreach (var tenant in keys.Refused)
            Console.WriteLine($"Tenant {tenant} was shredded: it gets no new key.");
        Console.WriteLine(keys.Added.Count == 0 ? "Every tenant has its data key." : "The hosts seal with the new keys from their next use of the key file.");
        // What a tenant held before its key was sealed with the platform's: at once under its own, so that shredding it
        // later finds nothing left behind.
        var allResealed = true;
        foreach (var keyId in keys.Added)
        {
            Console.WriteLine($"Added tenant data key {keyId}.");
            var keyed = TenantDataKeys.TenantOf(keyId)!.Value;
            allResealed &= PrintResealing(keyed, await services.GetRequiredService<TenantResealing>().ResealAsync(keyed, "Booking.Tool/tenant-keys"));
        }
        return allResealed ? 0 : 1;

    case "reseal-tenant" when Option("--tenant") is { } resealText && Guid.TryParse(resealText, out var resealTenant) && ResealBatch() is { } batch:
        return PrintResealing(resealTenant, await services.GetRequiredService<TenantResealing>().ResealAsync(resealTenant, "Booking.Tool/reseal-tenant",
            batch: batch)) ? 0 : 1;

    case "shred-tenant" when Option("--tenant") is { } tenantText && Guid.TryParse(tenantText, out var tenantId)
                              && Option("--by") is { Length: > 0 } by && Option("--reason") is { Length: > 0 } reason:
        var shredding = await services.GetRequiredService<TenantShredding>().ShredAsync(tenantId, by, reason);
        switch (shredding)
        {
            case TenantShredOutcome.Shredded { Record: var record }:
                Console.WriteLine($"Tenant {record.TenantId} shredded: its data keys are destroyed; backups of the key file made before still hold them until they age out.");
                PrintRecord(record);
                return 0;
            case TenantShredOutcome.AlreadyShredded { Record: var record }:
                Console.WriteLine($"Tenant {record.TenantId} was shredded already; nothing was done. The record:");
                PrintRecord(record);
                return 0;
            case TenantShredOutcome.NotResealed { Rows: var rows }:
                Console.Error.WriteLine($"Tenant {tenantId} was not shredded: nothing was destroyed. Records under the wrong key:");
                PrintToReseal(rows);
                return 1;
            case TenantShredOutcome.UnknownTenant:
                Console.Error.WriteLine($"No tenant {tenantId}.");
                return 1;
            default:
                Console.Error.WriteLine($"Tenant {tenantId} has no data key of its own (its data is under the platform's key): nothing can be shredded.");
                return 1;
        }

    case "shredding-records":
        foreach (var record in await services.GetRequiredService<TenantShredding>().RecordsAsync())
            PrintRecord(record);
        return 0;

    case "build-extract" when DateOnly.TryParseExact(Option("--day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var extractDay):
        var started = TimeProvider.System.GetUtcNow();
        var built = await services.GetRequiredService<ExtractBuilder>().BuildAsync(ExtractDay.Of(extractDay));
        var finished = TimeProvider.System.GetUtcNow();
        // Recorded as the daily job's runs are, so the operator's page shows it.
        await services.GetRequiredService<ExtractStore>().RecordRunAsync(new ExtractRun(started, finished, extractDay, "built", $"{built} rows"));
        Console.WriteLine($"day={extractDay:yyyy-MM-dd} rows={built} seconds={(finished - started).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}");
        return 0;
    case "verify-audit":
        var verification = await services.GetRequiredService<AccessLogVerifier>().VerifyAsync();
        Console.WriteLine(Described(verification));
        return verification is AccessLogVerification.Intact ? 0 : 1;
    case "purge-retention":
        foreach (var erasure in await services.GetRequiredService<RetentionPurge>().PurgeAsync(TimeProvider.System.GetUtcNow()))
            Console.WriteLine($"{erasure.DataClass},{erasure.TenantId?.ToString() ?? "platform"},{erasure.Months},{erasure.Erased}");
        return 0;
    case "check-restore":
        var sampleAt = Array.IndexOf(args, "--sample");
        var sample = 100;
        if (sampleAt > 0 && (sampleAt + 1 >= args.Length || !int.TryParse(args[sampleAt + 1], out sample) || sample < 0))
        {
            Console.Error.WriteLine(usage);
            return 2;
        }
        var check = await services.GetRequiredService<RestoreCheck>().RunAsync(sample);
        // Ids and times only: the drill compares them with the source; no personal data is printed.
        Console.WriteLine($"bookings={check.Bookings}");
        Console.WriteLine($"confirmed_bookings={check.ConfirmedBookings}");
        Console.WriteLine($"last_booking_id={check.LastBookingId}");
        Console.WriteLine($"last_booking_at={check.LastBookingAt?.UtcDateTime:O}");
        Console.WriteLine($"slots_checked={check.Audit.SlotsChecked}");
        Console.WriteLine($"over_capacity_slots={check.Audit.OverCapacity.Count}");
        Console.WriteLine($"orphan_slots={check.Audit.Orphans.Count}");
        Console.WriteLine($"citizen_records_sampled={check.CitizenRecordsSampled}");
        Console.WriteLine($"citizen_records_opened={check.CitizenRecordsOpened}");
        return check.Audit.OverCapacity.Count == 0 ? 0 : 1;

    default:
        Console.Error.WriteLine(usage);
        return 2;
}

string? Option(string name) => Array.IndexOf(args, name) is var at and > 0 && at + 1 < args.Length ? args[at + 1] : null;

int? ResealBatch() => Option("--batch") is not { } text ? TenantResealing.DefaultBatch
    : int.TryParse(text, out var size) && size > 0 ? size : null;

// Counts only; true when nothing is left to reseal.
static bool PrintResealing(Guid tenantId, TenantResealOutcome outcome)
{
    if (outcome is not TenantResealOutcome.Resealed resealed)
    {
        Console.Error.WriteLine($"Tenant {tenantId} has no data key of its own (run tenant-keys first; a shredded tenant gets none): nothing was resealed.");
        return false;
    }
    foreach (var (table, rows) in resealed.Counts.OrderBy(r => r.Key, StringComparer.Ordinal))
        Console.WriteLine($"resealed.{table}={rows}");
    if (resealed.Left.Count == 0)
        return true;
    // The tenant's own records left were being changed meanwhile; others' are under its key and need their tenant's run.
    Console.Error.WriteLine("Left under another key:");
    PrintToReseal(resealed.Left);
    return false;
}

static void PrintToReseal(IReadOnlyList<SealedRowsToReseal> rows)
{
    foreach (var row in rows)
        Console.Error.WriteLine($"  {row.Rows} of {row.Table}: Booking.Tool reseal-tenant --tenant {row.TenantId}");
}

// Ids, counts and the operator's words only: no key and no personal data.
static void PrintRecord(TenantKeyDestruction record)
{
    Console.WriteLine($"tenant_id={record.TenantId}");
    Console.WriteLine($"tenant={record.TenantName}");
    Console.WriteLine($"key_ids={string.Join(",", record.KeyIds)}");
    foreach (var (table, rows) in record.UnreadableRows.OrderBy(r => r.Key, StringComparer.Ordinal))
        Console.WriteLine($"unreadable_rows.{table}={rows}");
    Console.WriteLine($"readable_bookings_left={record.ReadableBookingsLeft}");
    Console.WriteLine($"method={record.Method}");
    Console.WriteLine($"destroyed_by={record.DestroyedBy}");
    Console.WriteLine($"reason={record.Reason}");
    Console.WriteLine($"destroyed_at={record.DestroyedAt.UtcDateTime:O}");
}

static string Csv(string value) => value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

static string Described(AccessLogVerification verification) => verification switch
{
    AccessLogVerification.Broken broken =>
        $"Access log chain broken at position {broken.Position} (row {broken.RowId}{(broken.OccurredAt is { } at ? $", {at.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff} UTC" : "")}): {broken.Reason}.",
    AccessLogVerification.Intact { SealedRows: 0, UnsealedRows: var unsealed } => $"Access log chain verified: no sealed rows yet ({unsealed} waiting to be sealed).",
    AccessLogVerification.Intact intact =>
        $"Access log chain verified: {intact.SealedRows} rows, positions {intact.FirstPosition} to {intact.LastPosition}; {intact.UnsealedRows} newer rows waiting to be sealed.",
    _ => throw new ArgumentOutOfRangeException(nameof(verification)),
};
