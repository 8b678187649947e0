using Booking.LoadTest.WaitingRooms;

namespace Booking.LoadTest.Tests;

public class WaitingRoomChecksTests
{
    private static TicketRecord Ticket(long number, double lastWaitingSentAt, double admittedAt) =>
        TicketRecord.None with { Number = number, ArrivedAt = 0, LastWaitingSentAt = lastWaitingSentAt, AdmittedAt = admittedAt };

    [Fact]
    public void Tickets_admitted_in_their_order_overtake_nobody_even_when_polls_see_them_out_of_order()
    {
        // Ticket 2 happened to poll first after both were admitted; ticket 1 was last told to wait before 2 was let in.
        var tickets = new[] { Ticket(1, lastWaitingSentAt: 900, admittedAt: 4000), Ticket(2, lastWaitingSentAt: 950, admittedAt: 1000) };

        Assert.Equal(0, AdmissionLog.Overtaken(tickets));
    }

    [Fact]
    public void A_ticket_told_to_wait_after_a_later_one_was_admitted_was_overtaken()
    {
        var tickets = new[]
        {
            Ticket(1, lastWaitingSentAt: 1500, admittedAt: 4000),
            Ticket(2, lastWaitingSentAt: 1200, admittedAt: 3000),
            Ticket(3, lastWaitingSentAt: 500, admittedAt: 1000),
        };

        Assert.Equal(2, AdmissionLog.Overtaken(tickets));
    }

    [Fact]
    public void A_ticket_never_admitted_still_counts_as_overtaken_when_it_waited_after_a_later_admission()
    {
        var tickets = new[] { Ticket(5, lastWaitingSentAt: 2000, admittedAt: double.NaN), Ticket(9, lastWaitingSentAt: 100, admittedAt: 1000) };

        Assert.Equal(1, AdmissionLog.Overtaken(tickets));
    }

    [Fact]
    public void The_peak_rate_counts_the_tickets_surely_admitted_within_a_window()
    {
        // Tickets 1–6 all told to wait at 0 s; 1–4 seen admitted by 2 s, 5 and 6 only at 20 s.
        var tickets = Enumerable.Range(1, 6).Select(n => Ticket(n, lastWaitingSentAt: 0, admittedAt: n <= 4 ? 2000 : 20_000));

        Assert.Equal(4 / 10.0, AdmissionLog.PeakAdmissionsPerSecond(tickets, windowSeconds: 10));
    }

    [Fact]
    public void Admissions_seen_late_do_not_raise_the_peak_rate()
    {
        // Ticket 3 still waited at 9 s: of the tickets seen admitted by 12 s (1–5), only 3–5 surely were admitted after 9 s.
        var tickets = new[]
        {
            Ticket(1, lastWaitingSentAt: 0, admittedAt: 12_000), Ticket(2, lastWaitingSentAt: 0, admittedAt: 12_000),
            Ticket(3, lastWaitingSentAt: 9_000, admittedAt: 12_000), Ticket(4, lastWaitingSentAt: 9_500, admittedAt: 12_000),
            Ticket(5, lastWaitingSentAt: 9_500, admittedAt: 12_000),
        };

        Assert.Equal(3 / 3.0, AdmissionLog.PeakAdmissionsPerSecond(tickets, windowSeconds: 3));
    }

    [Fact]
    public void The_log_keeps_each_visitors_first_arrival_last_wait_and_rising_positions()
    {
        var log = new AdmissionLog(1);

        log.Answered(0, 7, lostPlace: false, sentAt: 0, receivedAt: 5, admitted: false, position: 4);
        log.Answered(0, 7, lostPlace: false, sentAt: 3000, receivedAt: 3005, admitted: false, position: 6);
        log.Answered(0, 7, lostPlace: false, sentAt: 6000, receivedAt: 6005, admitted: true, position: 0);

        Assert.Equal(TicketRecord.None with { Number = 7, ArrivedAt = 5, LastWaitingSentAt = 3000, AdmittedAt = 6005, Polls = 3, PositionRises = 1 },
            log.Tickets[0]);
    }

    [Theory]
    [InlineData("t.opening.638000000000000000.42.AbC-_d", 42L)]
    [InlineData("p.opening.1.42.99.AbC", null)]
    [InlineData("t.opening.1.-4.AbC", null)]
    [InlineData(null, null)]
    public void A_tickets_number_is_read_from_its_token(string? token, long? number) => Assert.Equal(number, TicketToken.Number(token));

    [Fact]
    public void Cpu_time_is_user_plus_system_after_a_command_name_with_spaces()
    {
        const string stat = "4242 (dotnet Booking) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 1000 0 0";

        Assert.Equal(3.0, HostCpu.CpuSeconds(stat, ticksPerSecond: 100));
    }

    [Fact]
    public void The_description_gives_the_requests_a_visitor_and_how_late_admissions_were_seen()
    {
        // Two visitors waited (seen admitted 3 s and 1 s after their last "wait"), one went straight in.
        var tickets = new[]
        {
            Ticket(1, lastWaitingSentAt: 1000, admittedAt: 4000) with { Polls = 4 },
            Ticket(2, lastWaitingSentAt: 500, admittedAt: 1500) with { Polls = 2 },
            Ticket(3, lastWaitingSentAt: double.NaN, admittedAt: 100) with { Polls = 3 },
        };

        Assert.Equal("- for information: 3.0 requests a visitor; 2 visitors waited and saw their admission at most 1.0 s (p50), 3.0 s (p99), 3.0 s (max) after it",
            AdmissionLog.Describe(tickets));
    }
}
