using System.Text;
using Booking.Passes.QrCodes;

namespace Booking.Passes.Tests;

public sealed class MaskPenaltyTests
{
    [Theory]
    [InlineData("1111111010", 5)] // a dark run of 7: 3 + 2
    [InlineData("000000000000", 10)] // a light run of 12: 3 + 7
    [InlineData("1111101111", 3)] // a run of exactly 5 costs 3; a run of 4 costs nothing
    [InlineData("1010101010", 0)]
    public void Runs_of_five_or_more_cost_3_plus_their_excess(string line, int penalty) =>
        Assert.Equal(penalty, MaskPenalty.Line(Modules(line), 0, 1, line.Length));

    [Theory]
    [InlineData("1011101", 80)] // beyond both edges is light: light on both sides counts twice
    [InlineData("110111010000", 40)] // light after only
    [InlineData("000010111011", 40)] // light before only
    [InlineData("110111010011", 0)] // neither side light
    public void A_finder_like_pattern_beside_four_light_modules_costs_40(string line, int penalty) =>
        Assert.Equal(penalty, MaskPenalty.Line(Modules(line), 0, 1, line.Length));

    [Fact]
    public void A_column_is_read_with_the_row_stride()
    {
        // 3 columns; the middle one is 1011101, the others alternate so they add no run.
        var grid = Modules("010" + "100" + "011" + "110" + "011" + "100" + "011");

        Assert.Equal(80, MaskPenalty.Line(grid, 1, 3, 7));
    }

    [Fact]
    public void Each_2x2_square_of_one_colour_costs_3_overlaps_included()
    {
        Assert.Equal(3, MaskPenalty.Blocks(Modules("110" + "110" + "001"), 3));
        Assert.Equal(9, MaskPenalty.Blocks(Modules("111" + "111" + "110"), 3));
        Assert.Equal(12, MaskPenalty.Blocks(Modules("000" + "000" + "000"), 3));
        Assert.Equal(0, MaskPenalty.Blocks(Modules("101" + "010" + "101"), 3));
    }

    [Theory]
    [InlineData(50, 0)]
    [InlineData(54, 0)]
    [InlineData(55, 10)]
    [InlineData(45, 10)]
    [InlineData(61, 20)]
    [InlineData(0, 100)]
    public void Each_full_5_percent_away_from_half_dark_costs_10(int darkOf100, int penalty)
    {
        var grid = new byte[100];
        grid.AsSpan(0, darkOf100).Fill(1);

        Assert.Equal(penalty, MaskPenalty.DarkBalance(grid, 10));
    }

    [Fact]
    public void A_whole_grid_scores_its_rows_columns_squares_and_balance()
    {
        // 5×5 all light: 10 runs of 5 (3 each), 16 squares (3 each), 0 % dark (100).
        Assert.Equal(30 + 48 + 100, MaskPenalty.Score(new byte[25], 5));
    }

    [Theory]
    [InlineData(21, 1)]
    [InlineData(77, 2)]
    [InlineData(121, 3)] // lines longer than two words
    [InlineData(177, 4)] // version 40
    public void A_random_grid_scores_what_the_rules_count_module_by_module(int size, int seed)
    {
        var random = new Random(seed);
        var grid = new byte[size * size];
        for (var i = 0; i < grid.Length; i++)
            grid[i] = (byte)(random.Next(3) == 0 ? 1 : 0); // a third dark: long light runs and a balance penalty

        // A few finder-like patterns beside light modules, in rows and columns, so rule N3 is tested too.
        foreach (var at in new[] { 0, size / 2, size - 7 })
            for (var k = 0; k < 7; k++)
            {
                grid[at * size + k] = grid[(size - 1) * size + at] = (byte)("1011101"[k] - '0');
                grid[k * size + at] = (byte)("1011101"[k] - '0');
            }

        Assert.Equal(ModuleByModule(grid, size), MaskPenalty.Score(grid, size));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(140)]
    [InlineData(373)]
    [InlineData(700)]
    public void The_encoder_keeps_the_first_mask_with_the_lowest_penalty(int length)
    {
        var data = Encoding.ASCII.GetBytes(new string('x', length / 2) + new string('9', length - length / 2));

        var chosen = QrSymbol.Encode(data);

        var penalties = Enumerable.Range(0, 8).Select(mask => MaskPenalty.Score(QrSymbol.Encode(data, mask).Modules, chosen.Size)).ToArray();
        Assert.Equal(Array.IndexOf(penalties, penalties.Min()), chosen.Mask);
    }

    /// <summary>The four rules as the standard words them, one module at a time: the reference for the packed code.</summary>
    private static int ModuleByModule(byte[] grid, int size)
    {
        int Module(int line, int i, bool row) => i < 0 || i >= size ? 0 : row ? grid[line * size + i] : grid[i * size + line];
        var penalty = 0;
        foreach (var row in new[] { true, false })
            for (var line = 0; line < size; line++)
            {
                for (int start = 0, end; start < size; start = end)
                {
                    for (end = start; end < size && Module(line, end, row) == Module(line, start, row); end++)
                    {
                    }
                    if (end - start >= 5)
                        penalty += 3 + end - start - 5;
                }
                for (var i = 0; i + 7 <= size; i++)
                {
                    if (!Enumerable.Range(0, 7).All(k => Module(line, i + k, row) == "1011101"[k] - '0'))
                        continue;
                    if (Enumerable.Range(1, 4).All(k => Module(line, i - k, row) == 0))
                        penalty += 40;
                    if (Enumerable.Range(7, 4).All(k => Module(line, i + k, row) == 0))
                        penalty += 40;
                }
            }
        for (var r = 0; r + 1 < size; r++)
            for (var c = 0; c + 1 < size; c++)
            {
                var colour = grid[r * size + c];
                if (grid[r * size + c + 1] == colour && grid[(r + 1) * size + c] == colour && grid[(r + 1) * size + c + 1] == colour)
                    penalty += 3;
            }
        var darkPercent = grid.Count(module => module == 1) * 100.0 / grid.Length;
        return penalty + (int)(Math.Abs(darkPercent - 50) / 5) * 10;
    }

    private static byte[] Modules(string bits) => bits.Select(bit => (byte)(bit - '0')).ToArray();
}
