using Booking.Admin.Account;
using Microsoft.AspNetCore.Components;

namespace Booking.Admin.Components.Shared;

/// <summary>A page of the sign-in sequence. The page asked for before signing in (<c>ReturnUrl</c>, put there by the
/// cookie challenge) travels from step to step and is where the last step lands; the booking look-up otherwise.</summary>
public abstract class SignInStep : ComponentBase
{
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    protected void GoTo(string step) =>
        Navigation.NavigateTo(LocalReturn.IsLocal(ReturnUrl) ? $"{step}?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : step);

    protected void Finish() => Navigation.NavigateTo(LocalReturn.Or(ReturnUrl, "/bookings"));
}
