using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Messages.Replies;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Replies;

/// <summary>
/// A citizen's answer to a reminder: ANNULER / CANCEL asks which booking (when the phone has several) and then for
/// a confirmation; OUI / YES cancels through the citizens' API. Each inbound message acts once, whatever the number of
/// deliveries: its claim commits with the conversation, after the cancellation.
/// </summary>
public sealed class SmsReplyHandler(SmsReplies replies, PersonalDataProtector protector, BookingCancellations cancellations,
    IOptions<RepliesOptions> options, TimeProvider clock, ILogger<SmsReplyHandler> logger)
{
    /// <returns>The text to answer with; null when the message was already handled (answer nothing again).</returns>
    public async Task<string?> HandleAsync(string messageSid, string from, string? body, CancellationToken cancellationToken)
    {
        await using var session = await replies.OpenAsync(messageSid, protector.PhoneFingerprint(from), cancellationToken);
        if (session is null)
            return null;
        var now = clock.GetUtcNow();
        var open = session.Conversation is { } c && c.ExpiresAt > now ? c : null;
        var word = ReplyWord.Read(body);
        var answer = (word.Intent, open?.State) switch
        {
            (ReplyIntent.Cancel, _) => await AskAsync(session, word, now, cancellationToken),
            (ReplyIntent.Number, SmsConversation.Choose) => await ChooseAsync(session, open!, word.Number, now, cancellationToken),
            (ReplyIntent.Yes, SmsConversation.Confirm) => await CancelAsync(session, open!, now, cancellationToken),
            (ReplyIntent.No, not null) => await KeepAsync(session, open!, cancellationToken),
            (_, SmsConversation.Confirm) => SmsReplyText.HelpConfirm(open!.Language),
            (_, SmsConversation.Choose) => SmsReplyText.HelpChoose(open!.Language, open.BookingIds.Length),
            _ => SmsReplyText.Help(word.Language),
        };
        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Inbound SMS {MessageSid} read as {Intent}", messageSid, word.Intent);
        return answer;
    }

    private async Task<string> AskAsync(SmsReplySession session, ReplyWord word, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var targets = await session.TargetsAsync(now, cancellationToken: cancellationToken);
        if (targets.Count == 0)
        {
            await session.EndAsync(cancellationToken);
            return SmsReplyText.NoAppointment(word.Language);
        }
        var language = targets[0].Language;
        var expires = now + options.Value.QuestionLifetime;
        if (targets.Count == 1)
        {
            await session.SaveAsync(new SmsConversation(SmsConversation.Confirm, [targets[0].BookingId], language, expires), cancellationToken);
            return AskConfirm(language, targets[0]);
        }
        await session.SaveAsync(new SmsConversation(SmsConversation.Choose, targets.Select(t => t.BookingId).ToArray(), language, expires), cancellationToken);
        return SmsReplyText.AskWhich(language, targets.Select(t => (t.SlotStart, t.TimeZone, t.LocationName)).ToList());
    }

    private async Task<string> ChooseAsync(SmsReplySession session, SmsConversation open, int number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (number > open.BookingIds.Length)
            return SmsReplyText.HelpChoose(open.Language, open.BookingIds.Length);
        var chosen = open.BookingIds[number - 1];
        if (await session.TargetsAsync(now, [chosen], cancellationToken) is not [{ } target, ..])
        {
            await session.EndAsync(cancellationToken);
            return SmsReplyText.CannotCancel(open.Language);
        }
        await session.SaveAsync(open with { State = SmsConversation.Confirm, BookingIds = [chosen], ExpiresAt = now + options.Value.QuestionLifetime }, cancellationToken);
        return AskConfirm(open.Language, target);
    }

    private async Task<string> CancelAsync(SmsReplySession session, SmsConversation open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await session.EndAsync(cancellationToken);
        if (!cancellations.Enabled || await session.TargetsAsync(now, open.BookingIds, cancellationToken) is not [{ } target, ..])
            return SmsReplyText.CannotCancel(open.Language);
        return await cancellations.CancelAsync(target.ConfirmationCode, cancellationToken) == CancellationResult.Cancelled
            ? SmsReplyText.Cancelled(open.Language, target.ConfirmationCode)
            : SmsReplyText.CannotCancel(open.Language);
    }

    private static async Task<string> KeepAsync(SmsReplySession session, SmsConversation open, CancellationToken cancellationToken)
    {
        await session.EndAsync(cancellationToken);
        return SmsReplyText.Kept(open.Language);
    }

    private static string AskConfirm(string language, ReplyTarget target) =>
        SmsReplyText.AskConfirm(language, target.SlotStart, target.TimeZone, target.LocationName);
}
