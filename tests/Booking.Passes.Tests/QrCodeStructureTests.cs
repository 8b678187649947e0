using Booking.Passes.QrCodes;

namespace Booking.Passes.Tests;

public sealed class QrCodeStructureTests
{
    [Fact]
    public void Every_versions_blocks_fill_exactly_its_data_modules()
    {
        for (var version = 1; version <= 40; version++)
        {
            var blocks = LevelMBlocks.For(version);
            Assert.True(RawDataModules(version) / 8 == blocks.BlockCount * blocks.EcPerBlock + blocks.DataCodewords, $"version {version}");
        }
    }

    [Fact]
    public void Every_versions_zig_zag_visits_each_data_module_once()
    {
        for (var version = 1; version <= 40; version++)
        {
            var layout = SymbolLayout.For(version);
            Assert.Equal(RawDataModules(version), layout.DataOrder.Length);
            Assert.Equal(layout.DataOrder.Length, layout.DataOrder.Distinct().Count());
            Assert.All(layout.DataOrder, at => Assert.False(layout.IsFunction[at]));
        }
    }

    [Fact]
    public void Format_bits_for_level_m_are_the_standards_table()
    {
        // ISO/IEC 18004 table C.1, level M, masks 0 to 7.
        string[] expected = ["101010000010010", "101000100100101", "101111001111100", "101101101001011",
            "100010111111001", "100000011001110", "100111110010111", "100101010100000"];

        Assert.Equal(expected, Enumerable.Range(0, 8).Select(mask => Convert.ToString(FormatInformation.FormatBits(mask), 2).PadLeft(15, '0')));
    }

    [Fact]
    public void Version_7_bits_are_the_standards_example()
    {
        // ISO/IEC 18004 annex D: version 7 is 000111 110010 010100.
        Assert.Equal(0b000111_110010_010100, FormatInformation.VersionBits(7));
    }

    [Fact]
    public void Reed_solomon_matches_the_standards_worked_example()
    {
        // Version 1-M "01234567" (ISO/IEC 18004 annex I): 16 data codewords and their 10 EC codewords.
        byte[] data = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11];
        var ec = new byte[10];

        ReedSolomon.Remainder(data, ec);

        Assert.Equal([0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55], ec);
    }

    /// <summary>Modules left for codewords: the whole square less finders, separators, format and version areas,
    /// timing patterns, alignment patterns (the standard closed formula).</summary>
    private static int RawDataModules(int version)
    {
        var modules = (16 * version + 128) * version + 64;
        if (version >= 2)
        {
            var alignments = version / 7 + 2;
            modules -= (25 * alignments - 10) * alignments - 55;
            if (version >= 7)
                modules -= 36;
        }
        return modules;
    }
}
