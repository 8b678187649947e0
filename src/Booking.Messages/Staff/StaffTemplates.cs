using Booking.Data.Notifications;
using Booking.Messages.Templates;

namespace Booking.Messages.Staff;

/// <summary>What staff are told about their own account, French and English (<c>Staff/Defaults/{language}.txt</c>):
/// one e-mail per <see cref="StaffAccountEvent"/>, and the roles' names (sections <c>### Role front_desk</c>). Staff
/// e-mails name the person, the staff site and a role: never a citizen.</summary>
public static class StaffTemplates
{
    public const string StaffName = "staff.name";
    public const string StaffSite = "staff.site";
    public const string RoleName = "role.name";
    public const string RoleScope = "role.scope";
    public const string InvitationLink = "invitation.link";
    public const string InvitationHours = "invitation.hours";

    private static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        StaffName, StaffSite, RoleName, RoleScope, InvitationLink, InvitationHours,
    };

    private static readonly Lazy<(IReadOnlyDictionary<(StaffAccountEvent, string), MessageTemplate> Messages, IReadOnlyDictionary<(string, string), string> Roles)> Loaded = new(Load);

    public static MessageTemplate For(StaffAccountEvent kind, string language) => Loaded.Value.Messages[(kind, Language(language))];

    /// <summary>A role's name (its code, e.g. <c>front_desk</c>), as the staff site words it.</summary>
    public static string RoleNameOf(string roleCode, string language) =>
        Loaded.Value.Roles.TryGetValue((roleCode, Language(language)), out var name) ? name : roleCode;

    private static string Language(string language) => language == "en" ? "en" : "fr";

    private static (IReadOnlyDictionary<(StaffAccountEvent, string), MessageTemplate>, IReadOnlyDictionary<(string, string), string>) Load()
    {
        var messages = new Dictionary<(StaffAccountEvent, string), MessageTemplate>();
        var roles = new Dictionary<(string, string), string>();
        foreach (var language in DefaultTemplates.Languages)
            foreach (var (heading, lines) in TemplateSections.Read($"Booking.Messages.Staff.{language}.txt"))
            {
                if (heading[0] == "Role")
                    roles[(heading[1], language)] = lines[0].Trim();
                else
                    messages[(Enum.Parse<StaffAccountEvent>(heading[0]), language)] = MessageTemplate.Parse(
                        TemplateSections.Subject(lines[0]), string.Join('\n', lines[1..]), $"staff {language} {heading[0]}", Known);
            }
        foreach (var kind in Enum.GetValues<StaffAccountEvent>())
            foreach (var language in DefaultTemplates.Languages)
                if (!messages.ContainsKey((kind, language)))
                    throw new InvalidMessageTemplateException($"No {language} staff template for {kind}.");
        return (messages, roles);
    }
}
