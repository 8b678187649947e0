using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests;

/// <summary>A staff member signing in in Chromium, on the sign-in pages a protected page sent the browser to.</summary>
public static class BrowserSignIn
{
    /// <summary>Both factors; the caller waits for the page the sign-in returns to.</summary>
    public static async Task SignInAsync(this IPage page, StaffMember member)
    {
        await page.EnterPasswordAsync(member);
        await page.FillAsync("#code", member.CurrentCode());
        await page.ClickAsync("main button[type=submit]");
    }

    /// <summary>The first factor, up to the page that asks for the authenticator's code.</summary>
    public static async Task EnterPasswordAsync(this IPage page, StaffMember member)
    {
        await page.WaitForPageAsync("/signin");
        await page.FillAsync("#email", member.Email);
        await page.FillAsync("#password", member.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForPageAsync("/signin/code");
    }
}
