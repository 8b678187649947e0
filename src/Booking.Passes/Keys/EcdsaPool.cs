using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Booking.Passes.Keys;

/// <summary>
/// Reusable ECDsa objects for one key. Importing a key into OpenSSL costs ten times the signature itself (measured:
/// ~600 µs per pass with an import each time), and one ECDsa instance is not documented as safe across threads,
/// so each caller borrows its own and gives it back.
/// </summary>
internal sealed class EcdsaPool(ECParameters key)
{
    private readonly ConcurrentBag<ECDsa> _idle = [];

    public T Use<T>(Func<ECDsa, T> operation)
    {
        var ecdsa = _idle.TryTake(out var pooled) ? pooled : ECDsa.Create(key);
        try
        {
            return operation(ecdsa);
        }
        finally
        {
            _idle.Add(ecdsa);
        }
    }
}
