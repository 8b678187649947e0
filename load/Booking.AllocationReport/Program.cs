using Booking.AllocationReport;

// Shares of what a process allocated, from the runtime's allocation samples (one each ~100 KB, weighed by the bytes
// since the one before) in a trace taken with `dotnet-trace collect -p <pid> --profile gc-verbose`.
if (args.Length < 2 || !AllocationSamples.Views.Contains(args[1]))
{
    Console.Error.WriteLine("""
        usage: Booking.AllocationReport <trace.nettrace> <view> [text] [rows]
          types               the types allocated
          frames   [text]     the frames whose name holds text, with everything they called (inclusive)
          nearest  [text]     each sample given to the nearest frame holding text (e.g. "Booking."), with the frame it called
          inside   <text>     the types and stacks allocated under the nearest frame holding text
          stacks   <text>     the whole stacks (24 frames, innermost first) of the samples with a frame holding text
        """);
    return 2;
}
var samples = AllocationSamples.Read(args[0]);
var text = args.Length > 2 ? args[2] : "";
var rows = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 40;
Console.WriteLine($"{samples.Count} samples, {samples.Sum(s => s.Bytes) / 1e6:F1} MB");
foreach (var (key, share) in samples.Shares(args[1], text).Take(rows))
    Console.WriteLine($"{share,7:P2}  {key}");
return 0;
