using System.Globalization;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Messages.Formatting;
using Booking.Messages.Templates;
using Microsoft.Extensions.Options;

namespace Booking.Messages.Staff;

/// <summary>Writes the e-mail that tells a staff member what was done to their account, in their language, with a link
/// to the staff site and, for a role granted or removed, the role and its scope; for an invitation, its signed link.</summary>
public sealed class StaffMessageComposer(IOptions<MessagesOptions> options, StaffInvitationTokens invitations)
{
    public EmailMessage Compose(StaffAccountEvent kind, string language, string displayName, string detail)
    {
        var template = StaffTemplates.For(kind, language);
        var site = options.Value.StaffSiteUrl;
        var role = StaffRoleChange.FromDetail(detail);
        // The link is signed as the message is written: the outbox row holds only the invitation's id, which opens nothing.
        var invitation = kind == StaffAccountEvent.AccountInvited && Guid.TryParse(detail, out var invitationId)
            ? $"{site.TrimEnd('/')}/invitation/{invitations.For(invitationId)}" : "";
        var values = new Dictionary<string, string>
        {
            [StaffTemplates.StaffName] = displayName,
            [StaffTemplates.StaffSite] = site,
            [StaffTemplates.RoleName] = role is null ? "" : StaffTemplates.RoleNameOf(role.Role, language),
            [StaffTemplates.RoleScope] = role is null ? "" : string.Join(", ", role.Clinics.Prepend(role.Tenant)),
            [StaffTemplates.InvitationLink] = invitation,
            [StaffTemplates.InvitationHours] = ((int)StaffInvitationTokens.Lifetime.TotalHours).ToString(CultureInfo.InvariantCulture),
        };
        return new EmailMessage(template.RenderSubject(values), template.RenderText(values),
            EmailLayout.Html(template.RenderHtml(values), invitation.Length > 0 ? invitation : site, qrContentId: null, language == "en" ? "en" : "fr"), []);
    }
}
