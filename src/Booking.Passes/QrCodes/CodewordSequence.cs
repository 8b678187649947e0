namespace Booking.Passes.QrCodes;

/// <summary>The final codeword sequence of a symbol: data codewords split into blocks, each block's EC codewords
/// appended, then both interleaved block by block (data first, then EC) so a local smudge hits many blocks a little.</summary>
internal static class CodewordSequence
{
    public static byte[] For(ReadOnlySpan<byte> data, int version)
    {
        var blocks = LevelMBlocks.For(version);
        Span<byte> dataCodewords = stackalloc byte[blocks.DataCodewords];
        DataCodewords.Write(data, version, dataCodewords);
        Span<byte> ec = stackalloc byte[blocks.BlockCount * blocks.EcPerBlock];

        var sequence = new byte[blocks.TotalCodewords];
        var shortLength = blocks.ShortBlockData;
        for (int block = 0, start = 0; block < blocks.BlockCount; block++)
        {
            var length = block < blocks.ShortBlocks ? shortLength : shortLength + 1;
            var blockData = dataCodewords.Slice(start, length);
            ReedSolomon.Remainder(blockData, ec.Slice(block * blocks.EcPerBlock, blocks.EcPerBlock));
            // Codeword i of every block comes before codeword i+1 of any; long blocks' last codeword comes last.
            for (var i = 0; i < length; i++)
                sequence[i < shortLength ? i * blocks.BlockCount + block : shortLength * blocks.BlockCount + block - blocks.ShortBlocks] = blockData[i];
            start += length;
        }
        var ecStart = blocks.DataCodewords;
        for (var block = 0; block < blocks.BlockCount; block++)
            for (var i = 0; i < blocks.EcPerBlock; i++)
                sequence[ecStart + i * blocks.BlockCount + block] = ec[block * blocks.EcPerBlock + i];
        return sequence;
    }
}
