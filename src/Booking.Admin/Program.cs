using Booking.ServiceDefaults;

// Placeholder host: the clinic and ministry site is its own issue. It runs in the stack so that ports, health
// checks and deployment are settled early.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/", () => Results.Content("""
    <!doctype html><html lang="fr"><meta charset="utf-8"><title>Administration</title>
    <h1>Administration des cliniques</h1>
    <p>Le site des cliniques et du ministère n'est pas encore livré. / The clinic and ministry site is not delivered yet.</p>
    </html>
    """, "text/html; charset=utf-8"));
app.Run();
