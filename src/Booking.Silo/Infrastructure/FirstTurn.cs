using System.Runtime.CompilerServices;

namespace Booking.Silo.Infrastructure;

/// <summary>
/// Orleans (10.4) starts an activation while holding that activation's lock (<c>ActivationData.Start</c>), and the
/// requests already waiting for it may run inside that start; delivering a message to another grain of the same silo
/// takes the receiver's lock. Two grains that message each other from such a turn each hold their own lock and wait
/// for the other's: a deadlock that no call timeout breaks. It froze the availability index of a date together with
/// the clinic-days it woke (each one's timer due at once messaging the other), and every metrics scrape after them.
/// A grain whose timer tick or one-way method messages another grain leaves the turn first: the message then goes out
/// in a later turn of the activation, when no lock is held.
/// </summary>
public static class FirstTurn
{
    public static YieldAwaitable Leave() => Task.Yield();
}
