using System.Text;
using BenchmarkDotNet.Attributes;
using Booking.Passes;
using Booking.Passes.QrCodes;

namespace Booking.Benchmarks;

/// <summary>The pass's QR code, drawn for every confirmation, reschedule and reminder e-mail: the symbol (codewords,
/// mask choice) and its PNG, apart and together, for a payload the length of a real signed pass.</summary>
[MemoryDiagnoser]
public class PassQrCodeBenchmarks
{
    /// <summary>A signed pass is ~370 characters of base64url (claims, then signature), so a version-15 symbol.</summary>
    [Params(373)]
    public int TokenLength { get; set; }

    private string _token = "";
    private byte[] _payload = [];
    private QrSymbol _symbol = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Fixed seed: every run encodes the same payload, so runs compare like with like.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        var random = new Random(20261204);
        _token = string.Create(TokenLength, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++)
                chars[i] = alphabet[r.Next(alphabet.Length)];
        });
        _payload = Encoding.UTF8.GetBytes(_token);
        _symbol = QrSymbol.Encode(_payload);
    }

    [Benchmark(Description = "symbol: codewords and mask choice")]
    public QrSymbol Encode() => QrSymbol.Encode(_payload);

    [Benchmark(Description = "PNG of a symbol, 4 px a module")]
    public byte[] Png() => QrPng.Write(_symbol, pixelsPerModule: 4);

    [Benchmark(Baseline = true, Description = "pass QR code: token to PNG")]
    public byte[] Pass() => PassQrCode.Png(_token);
}
