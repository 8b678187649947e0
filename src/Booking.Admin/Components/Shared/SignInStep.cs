using Booking.Admin.Account;
using Booking.Admin.Resources;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Booking.Admin.Components.Shared;

/// <summary>A page of the sign-in sequence. The page asked for before signing in (<c>ReturnUrl</c>, put there by the
/// cookie challenge) travels from step to step and is where the last step lands; the home page otherwise.</summary>
public abstract class SignInStep : ComponentBase
{
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private IStringLocalizer<StaffText> Text { get; set; } = null!;

    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    protected void GoTo(string step) => Navigation.NavigateTo(StepAddress(step));

    /// <summary>The address of another step, carrying the page first asked for.</summary>
    protected string StepAddress(string step) => LocalReturn.IsLocal(ReturnUrl) ? $"{step}?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : step;

    /// <summary>Where a second-factor answer leads: on, or an error to show (the wording for a wrong code given).</summary>
    protected string? Follow(CodeOutcome outcome, StaffSignInOptions options, string wrong)
    {
        switch (outcome)
        {
            case CodeOutcome.SignedIn:
                Finish();
                return null;
            case CodeOutcome.ChangePassword:
                GoTo("account/password");
                return null;
            case CodeOutcome.Expired:
                GoTo("signin");
                return null;
            case CodeOutcome.LockedOut:
                return Text["SignIn.LockedOut", (int)options.Lockout.TotalMinutes];
            case CodeOutcome.Suspended:
                return Text["SignIn.Suspended"];
            default:
                return wrong;
        }
    }

    protected void Finish() => Navigation.NavigateTo(Landing);

    /// <summary>Where the last step lands.</summary>
    protected string Landing => LocalReturn.Or(ReturnUrl, "/");
}
