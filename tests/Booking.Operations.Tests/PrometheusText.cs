using System.Globalization;
using System.Text.RegularExpressions;

namespace Booking.Operations.Tests;

/// <summary>A scrape in Prometheus' text format, read sample by sample: a metric name, its labels, its value.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text => text;

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>;
    /// 0 when there is none (a counter that never moved is not exported).</summary>
    public double Value(string name, params (string Label, string Value)[] labels)
    {
        var matching = Samples().Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).ToList();
        return matching.Count switch
        {
            0 => 0,
            1 => matching[0].Value,
            _ => throw new InvalidOperationException($"{matching.Count} samples of {name} match; name more labels."),
        };
    }

    public bool Has(string name) => Samples().Any(s => s.Name == name);

    private IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Samples()
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var sample = SampleLine().Match(line);
            if (!sample.Success)
                continue;
            var labels = Label().Matches(sample.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            yield return (sample.Groups["name"].Value, labels, double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
