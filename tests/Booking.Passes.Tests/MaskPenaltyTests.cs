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

    private static byte[] Modules(string bits) => bits.Select(bit => (byte)(bit - '0')).ToArray();
}
