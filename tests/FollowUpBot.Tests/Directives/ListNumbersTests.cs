using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Automatic list numbers as the .docx, .doc and .odt readers write them out (the documents themselves are in
/// <see cref="OfficeDocumentTests"/>): how a number is drawn, how levels count and restart, a Word 97 list override that
/// restarts a level, and OpenDocument lists that continue, carry a header or use bullets.
/// </summary>
public sealed class ListNumbersTests
{
    [Theory]
    [InlineData(4, "LowerRoman", "iv")]
    [InlineData(1994, "UpperRoman", "MCMXCIV")]
    [InlineData(2, "LowerLetter", "b")]
    [InlineData(27, "LowerLetter", "aa")]
    [InlineData(28, "UpperLetter", "BB")]
    [InlineData(11, "ChineseCounting", "十一")]
    [InlineData(3, "EnclosedCircle", "③")]
    [InlineData(12, "Decimal", "12")]
    public void ANumberIsDrawnInItsLevelsFormat(int count, string format, string expected)
    {
        Assert.Equal(expected, ListNumberText.Render(count, Enum.Parse<ListNumberFormat>(format)));
    }

    [Fact]
    public void ALevelCountsOnAndRestartsUnderANewParent()
    {
        var numbers = new ListNumbers<int>();

        Assert.Equal([1], numbers.Next(1, 0, _ => 1));
        Assert.Equal([1, 1], numbers.Next(1, 1, _ => 1));
        Assert.Equal([1, 2], numbers.Next(1, 1, _ => 1));
        Assert.Equal([2], numbers.Next(1, 0, _ => 1));
        Assert.Equal([2, 1], numbers.Next(1, 1, _ => 1));
        Assert.Equal([1], numbers.Next(2, 0, _ => 1));
        Assert.Equal([5], numbers.Next(2, 0, _ => 1, restartAt: 5));
        Assert.Equal([6], numbers.Next(2, 0, _ => 1));
    }

    [Fact]
    public void AMultiLevelLabelShowsEveryLevelInItsOwnFormat()
    {
        var template = new List<(string? Literal, int Level)> { (null, 0), (".", 0), (null, 1), (")", 0) };

        var label = ListNumberText.Label(template, [3, 2], level => level == 0 ? ListNumberFormat.UpperRoman : ListNumberFormat.LowerLetter);

        Assert.Equal("III.b) ", label);
    }

    [Fact]
    public void AWord97ListOverrideRestartsItsLevel()
    {
        // Two overrides of the simple list: the second starts at 5.
        var table = SimpleList();
        var lcbPlfLst = table.Count;
        var plfLfo = table.Count;
        table.AddRange(Int32(2));
        table.AddRange(Lfo(lsid: 7, levels: 0));
        table.AddRange(Lfo(lsid: 7, levels: 1));
        table.AddRange(Int32(0));
        table.AddRange(Int32(5));
        table.AddRange(Int32(0x10));
        var lists = WordLists.Read([.. table], 0, (uint)lcbPlfLst, (uint)plfLfo, (uint)(table.Count - plfLfo));

        Assert.Equal("1. ", lists.Label(1, 0));
        Assert.Equal("2. ", lists.Label(1, 0));
        Assert.Equal("5. ", lists.Label(2, 0));
        Assert.Equal("6. ", lists.Label(2, 0));
        Assert.Equal(string.Empty, lists.Label(3, 0));
    }

    [Fact]
    public void AWord97ParagraphNumberedByItsStyleOrTheStyleItIsBasedOnCounts()
    {
        // One override of the simple list, and a style sheet: style 0 ("Heading") names override 1 at level 0, style 1 is
        // based on it and says nothing of lists, style 2 is based on nothing.
        var table = SimpleList();
        var lcbPlfLst = table.Count;
        var plfLfo = table.Count;
        table.AddRange(Int32(1));
        table.AddRange(Lfo(lsid: 7, levels: 0));
        var stshf = table.Count;
        table.AddRange(Int16(4));
        table.AddRange(Int16(3));
        table.AddRange(Int16(10));
        table.AddRange(Style(istdBase: 0x0FFF, "Heading", [0x0B, 0x46, 0x01, 0x00, 0x0A, 0x26, 0x00]));
        table.AddRange(Style(istdBase: 0, "Heading Child", []));
        table.AddRange(Style(istdBase: 0x0FFF, "Normal", []));
        var lists = WordLists.Read([.. table], 0, (uint)lcbPlfLst, (uint)plfLfo, (uint)(stshf - plfLfo), (uint)stshf, (uint)(table.Count - stshf));

        Assert.Equal("1. ", lists.Label(istd: 0, ilfo: -1, ilvl: -1));
        Assert.Equal("2. ", lists.Label(istd: 1, ilfo: -1, ilvl: -1));
        Assert.Equal(string.Empty, lists.Label(istd: 2, ilfo: -1, ilvl: -1));
        Assert.Equal(string.Empty, lists.Label(istd: 0, ilfo: 0, ilvl: -1));
        Assert.Equal("3. ", lists.Label(istd: 2, ilfo: 1, ilvl: 0));
    }

    [Fact]
    public void AWord97ListTableThatIsCutShortGivesNoLabelsAndNoError()
    {
        var lists = WordLists.Read([0x01, 0x00, 0x07], 0, 3, 1, 2);

        Assert.Equal(string.Empty, lists.Label(1, 0));
    }

    [Fact]
    public void AnOpenDocumentListCanContinueCarryAHeaderAndUseBullets()
    {
        var text = OdtText.Extract(Package(
            "<text:list text:style-name=\"N\"><text:list-item><text:p>first</text:p></text:list-item>"
            + "<text:list-header><text:p>a header, not numbered</text:p></text:list-header>"
            + "<text:list-item><text:p>second</text:p><text:p>its second paragraph</text:p></text:list-item></text:list>"
            + "<text:p>between the lists</text:p>"
            + "<text:list text:style-name=\"N\" text:continue-numbering=\"true\"><text:list-item><text:p>third</text:p></text:list-item></text:list>"
            + "<text:list text:style-name=\"N\"><text:list-item><text:p>again first</text:p></text:list-item></text:list>"
            + "<text:list text:style-name=\"B\"><text:list-item><text:p>a bullet</text:p></text:list-item></text:list>"));

        Assert.Equal(
            "(1) first\na header, not numbered\n(2) second\nits second paragraph\nbetween the lists\n(3) third\n(1) again first\n• a bullet",
            text);
    }

    /// <summary>A PlfLst of one simple list (lsid 7) whose one level draws "n." from 1, with its LVL after it.</summary>
    private static List<byte> SimpleList()
    {
        var table = new List<byte>(Int16(1));
        var lstf = new byte[28];
        BinaryPrimitives.WriteInt32LittleEndian(lstf, 7);
        lstf[26] = 0x01;
        table.AddRange(lstf);
        table.AddRange(Level(start: 1, nfc: 0, text: "\u0000."));
        return table;
    }

    private static byte[] Int16(short value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteInt16LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Level(int start, byte nfc, string text)
    {
        var lvl = new List<byte>();
        var lvlf = new byte[28];
        BinaryPrimitives.WriteInt32LittleEndian(lvlf, start);
        lvlf[4] = nfc;
        lvl.AddRange(lvlf);
        lvl.AddRange(Int16((short)text.Length));
        lvl.AddRange(Encoding.Unicode.GetBytes(text));
        return [.. lvl];
    }

    private static byte[] Style(int istdBase, string name, byte[] grpprl)
    {
        var std = new List<byte>();
        std.AddRange(Int16(0));
        std.AddRange(Int16((short)(1 | (istdBase << 4))));
        std.AddRange(Int16(1));
        std.AddRange(Int16(0));
        std.AddRange(Int16(0));
        std.AddRange(Int16((short)name.Length));
        std.AddRange(Encoding.Unicode.GetBytes(name));
        std.AddRange(Int16(0));
        std.AddRange(Int16((short)(2 + grpprl.Length)));
        std.AddRange(Int16(0));
        std.AddRange(grpprl);
        if (grpprl.Length % 2 == 1)
        {
            std.Add(0);
        }

        return [.. Int16((short)std.Count), .. std];
    }

    private static byte[] Lfo(int lsid, byte levels)
    {
        var lfo = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(lfo, lsid);
        lfo[12] = levels;
        return lfo;
    }

    private static ZipArchive Package(string body)
    {
        var content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
            + "<office:automatic-styles>"
            + "<text:list-style style:name=\"N\"><text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-prefix=\"(\" style:num-suffix=\")\"/></text:list-style>"
            + "<text:list-style style:name=\"B\"><text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\"/></text:list-style>"
            + "</office:automatic-styles><office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("content.xml").Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        stream.Position = 0;
        return new ZipArchive(stream, ZipArchiveMode.Read);
    }
}
