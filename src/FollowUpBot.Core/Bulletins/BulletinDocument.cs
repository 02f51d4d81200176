using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Bulletins;

/// <summary>
/// Writes a <see cref="Bulletin"/> as a .docx laid out after GB/T 9704-2012 (党政机关公文格式): A4; margins
/// 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 156 × 225 mm text block); a grid of 22 lines of 28
/// characters (line pitch 28.95 pt); title in 小标宋 2号 (22 pt), body in 仿宋_GB2312 3号 (16 pt), first-level
/// headings (一、) in 黑体 3号 and second-level ones (（一）) in 楷体_GB2312 3号; page numbers in 4号 (14 pt) as
/// "— 1 —", odd pages right and even pages left, one character in from the edge. Fonts a machine lacks fall
/// back through the font table's alternative names (宋体, 仿宋, 黑体, 楷体).
/// </summary>
internal static class BulletinDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string SubheadingFont = "楷体_GB2312";
    public const string PageNumberFont = "宋体";
    public const string LatinFont = "Times New Roman";

    /// <summary>Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt.</summary>
    public const int TitleSize = 44;
    public const int BodySize = 32;
    public const int PageNumberSize = 28;

    /// <summary>A4 in twentieths of a point (twips).</summary>
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;

    public static readonly int MarginTop = Millimetres(37);
    public static readonly int MarginBottom = Millimetres(35);
    public static readonly int MarginLeft = Millimetres(28);
    public static readonly int MarginRight = Millimetres(26);

    /// <summary>22 lines in the 225 mm text block: 28.95 pt each.</summary>
    public const int LinesPerPage = 22;
    public const int CharactersPerLine = 28;
    public static readonly int LinePitch = (int)Math.Round((PageHeight - MarginTop - MarginBottom) / (double)LinesPerPage);

    /// <summary>Character spacing of 3号 text in twips: (156 mm / 28 characters) − 16 pt, rounded down to a whole twip (−0.25 pt).</summary>
    public static readonly int CharacterSpacing = (int)Math.Floor(((PageWidth - MarginLeft - MarginRight) / (double)CharactersPerLine) - (BodySize * 10));

    /// <summary>Style ids, so a reader (and the tests) can tell the parts apart.</summary>
    public const string TitleStyle = "BulletinTitle";
    public const string HeadingStyle = "BulletinHeading1";
    public const string SubheadingStyle = "BulletinHeading2";
    public const string BodyStyle = "BulletinBody";

    /// <summary>Writes the document to <paramref name="output"/> (a seekable stream).</summary>
    public static void Write(Stream output, Bulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(bulletin);
        var locale = bulletin.Locale;
        string T(string key) => Texts.Get(locale, key);

        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new EvenAndOddHeaders(), new DisplayBackgroundShape());
        var oddFooter = main.AddNewPart<FooterPart>();
        oddFooter.Footer = PageNumberFooter(JustificationValues.Right);
        var evenFooter = main.AddNewPart<FooterPart>();
        evenFooter.Footer = PageNumberFooter(JustificationValues.Left);

        var body = new Body();
        body.Append(Paragraph(BodyStyle, JustificationValues.Center, indent: false, Run(Texts.Format(locale, "bulletin.docNumber", bulletin.Until.Year.ToString(CultureInfo.InvariantCulture)), BodyFont)));
        body.Append(Blank());
        body.Append(Paragraph(TitleStyle, JustificationValues.Center, indent: false, Run(bulletin.Title, TitleFont, TitleSize, bold: locale == UiLocale.EnUS)));
        body.Append(Paragraph(SubheadingStyle, JustificationValues.Center, indent: false,
            Run(Texts.Format(locale, "bulletin.period", BulletinRules.Date(bulletin.Since, locale), BulletinRules.Date(bulletin.Until, locale)), SubheadingFont)));
        body.Append(Blank());
        body.Append(Paragraph(BodyStyle, JustificationValues.Left, indent: false, Run(T("bulletin.addressee"), BodyFont)));

        var meetingName = locale == UiLocale.ZhCN ? $"《{bulletin.MeetingTitle}》" : $"\u201c{bulletin.MeetingTitle}\u201d";
        object[] totals =
        [
            bulletin.MeetingDate is { } held ? BulletinRules.Date(held, locale) : string.Empty,
            meetingName,
            bulletin.Items.Count,
            BulletinRules.Date(bulletin.Until, locale),
            bulletin.Count(BulletinSection.Closed),
            bulletin.Count(BulletinSection.OnSchedule),
            bulletin.Count(BulletinSection.Overdue),
            bulletin.Count(BulletinSection.Extended),
            bulletin.Count(BulletinSection.Blocked),
            bulletin.PercentClosed,
        ];
        body.Append(BodyParagraph(Texts.Format(locale, bulletin.MeetingDate is null ? "bulletin.openingNoDate" : "bulletin.opening", totals)));

        var heading = 0;
        foreach (var section in BulletinRules.SectionOrder)
        {
            var items = bulletin.In(section);
            body.Append(Paragraph(HeadingStyle, JustificationValues.Both, indent: true,
                Run(Numeral(++heading, locale) + Texts.Format(locale, "bulletin.section." + section, items.Count), HeadingFont, bold: locale == UiLocale.EnUS)));
            if (items.Count == 0)
            {
                body.Append(BodyParagraph(T("bulletin.sectionEmpty")));
                continue;
            }

            var sub = 0;
            foreach (var item in items)
            {
                var number = item.Number?.ToString(CultureInfo.InvariantCulture) ?? "–";
                body.Append(Paragraph(SubheadingStyle, JustificationValues.Both, indent: true,
                    Run(SubNumeral(++sub, locale) + Texts.Format(locale, "bulletin.itemHeading", number, Clean(item.Task)), SubheadingFont)));
                foreach (var paragraph in ItemParagraphs(bulletin, item))
                {
                    body.Append(paragraph);
                }
            }
        }

        body.Append(Paragraph(HeadingStyle, JustificationValues.Both, indent: true, Run(Numeral(++heading, locale) + T("bulletin.requirements"), HeadingFont, bold: locale == UiLocale.EnUS)));
        foreach (var line in (bulletin.Requirements ?? T("bulletin.defaultRequirements")).Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                body.Append(BodyParagraph(Clean(line.Trim())));
            }
        }

        body.Append(Blank());
        body.Append(Paragraph(BodyStyle, JustificationValues.Right, indent: false, Run(T("bulletin.issuer"), BodyFont)).WithFourCharactersRight());
        body.Append(Paragraph(BodyStyle, JustificationValues.Right, indent: false, Run(BulletinRules.Date(bulletin.Until, locale), BodyFont)).WithFourCharactersRight());

        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(oddFooter) },
            new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(evenFooter) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = MarginTop,
                Bottom = MarginBottom,
                Left = (uint)MarginLeft,
                Right = (uint)MarginRight,
                Header = (uint)Millimetres(15),
                Footer = (uint)Millimetres(22),
                Gutter = 0,
            },
            // A line grid only: LibreOffice gives a character wider than a character-grid cell two cells, so the
            // 28 characters come from the runs' spacing instead, which every word processor honours alike.
            new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>The file name offered for download: 督办通报-{meeting}.docx.</summary>
    public static string FileName(string meetingTitle, string meetingId, UiLocale locale)
    {
        ArgumentNullException.ThrowIfNull(meetingTitle);
        var title = new string([.. meetingTitle.Select(c => Path.GetInvalidFileNameChars().Contains(c) || char.IsControl(c) ? '_' : c)]).Trim();
        var name = title.Length == 0 ? meetingId : title.Length <= 60 ? title : title[..59] + "…";
        return $"{Texts.Get(locale, "bulletin.fileName")}-{name}.docx";
    }

    private static IEnumerable<Paragraph> ItemParagraphs(Bulletin bulletin, BulletinItem item)
    {
        var locale = bulletin.Locale;
        var none = Texts.Get(locale, "bulletin.none");
        var lead = item.Lead.Count > 0 ? string.Join(locale == UiLocale.ZhCN ? "、" : ", ", item.Lead) : none;
        var support = item.Support.Count > 0 ? string.Join(locale == UiLocale.ZhCN ? "、" : ", ", item.Support) : none;
        var due = item switch
        {
            { Due: { } d, Section: BulletinSection.Overdue } => Texts.Format(locale, "bulletin.dueOverdue", BulletinRules.Date(d, locale), item.DaysOverdue),
            { Due: { } d, OriginalDue: { } original } => Texts.Format(locale, "bulletin.dueExtended", BulletinRules.Date(d, locale), BulletinRules.Date(original, locale)),
            { Due: { } d } => Texts.Format(locale, "bulletin.due", BulletinRules.Date(d, locale)),
            { DeadlineText: { Length: > 0 } text } => Texts.Format(locale, "bulletin.dueText", Clean(text)),
            _ => Texts.Get(locale, "bulletin.noDue"),
        };
        var between = locale == UiLocale.ZhCN ? string.Empty : " ";
        yield return BodyParagraph(Clean(Texts.Format(locale, "bulletin.departments", lead, support)) + between + due);

        if (item.LatestReport is not { } report)
        {
            yield return BodyParagraph(Texts.Get(locale, "bulletin.noReport"));
            yield break;
        }

        var status = Checklists.ChecklistCard.StatusText(locale, report.Status)
            + (report.Percent is { } p ? (locale == UiLocale.ZhCN ? "，" : ", ") + Texts.Format(locale, "bulletin.percent", p) : string.Empty);
        var runs = new List<OpenXmlElement>
        {
            Run(Texts.Format(locale, "bulletin.report", Clean(report.Department), Clean(report.By.Name), BulletinRules.Time(report.At, bulletin.TimeZone, locale), status), BodyFont),
        };
        if (report.Note is { Length: > 0 } note)
        {
            // The note is quoted exactly as the department stored it: its own runs, line breaks kept, nothing rewritten.
            runs.Add(Run(between + Texts.Get(locale, "bulletin.reportNote") + "\u201c", BodyFont));
            var lines = note.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    runs.Add(new Run(RunProperties(BodyFont, BodySize, bold: false), new Break()));
                }

                runs.Add(Run(Clean(lines[i]), BodyFont));
            }

            runs.Add(Run("\u201d", BodyFont));
        }

        if (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(report.At, bulletin.TimeZone).DateTime) < bulletin.Since)
        {
            runs.Add(Run(between + Texts.Get(locale, "bulletin.reportOld"), BodyFont));
        }

        yield return Paragraph(BodyStyle, JustificationValues.Both, indent: true, [.. runs]);
    }

    private static Paragraph BodyParagraph(string text) => Paragraph(BodyStyle, JustificationValues.Both, indent: true, Run(text, BodyFont));

    private static Paragraph Blank() => Paragraph(BodyStyle, JustificationValues.Both, indent: false);

    private static Paragraph Paragraph(string style, JustificationValues justification, bool indent, params OpenXmlElement[] runs)
    {
        var properties = new ParagraphProperties(
            new ParagraphStyleId { Val = style },
            // The 22 pt title would take two grid lines each in LibreOffice (the font's ascent and descent exceed the
            // pitch); it keeps the exact 28.95 pt spacing instead.
            new SnapToGrid { Val = style != TitleStyle },
            new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
            // Two characters of 3号 at the start of a paragraph (首行缩进2字), as the standard's body text has.
            indent ? new Indentation { FirstLineChars = 200, FirstLine = (2 * BodySize * 10).ToString(CultureInfo.InvariantCulture) } : new Indentation { FirstLine = "0" },
            new Justification { Val = justification });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static Paragraph WithFourCharactersRight(this Paragraph paragraph)
    {
        // The signature and date stand four characters in from the right edge (右空四字).
        var indentation = paragraph.ParagraphProperties!.GetFirstChild<Indentation>()!;
        indentation.Right = (4 * BodySize * 10).ToString(CultureInfo.InvariantCulture);
        indentation.RightChars = 400;
        return paragraph;
    }

    private static Run Run(string text, string font, int size = BodySize, bool bold = false) =>
        new(RunProperties(font, size, bold), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static RunProperties RunProperties(string font, int size, bool bold)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = font, ComplexScript = LatinFont, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (size == BodySize)
        {
            // 28 characters of 3号 (16 pt) fill the 156 mm line only 0.25 pt closer than their natural width.
            properties.Append(new Spacing { Val = CharacterSpacing });
        }

        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        return properties;
    }

    /// <summary>"— 1 —" from a PAGE field, 4号 宋体, one character (14 pt) in from the page's outer edge.</summary>
    private static Footer PageNumberFooter(JustificationValues side)
    {
        var oneCharacter = (PageNumberSize * 10).ToString(CultureInfo.InvariantCulture);
        var indentation = side == JustificationValues.Right ? new Indentation { Right = oneCharacter, FirstLine = "0" } : new Indentation { Left = oneCharacter, FirstLine = "0" };
        Run Text(string text) => new(RunProperties(PageNumberFont, PageNumberSize, bold: false), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        Run Field(OpenXmlElement element) => new(RunProperties(PageNumberFont, PageNumberSize, bold: false), element);
        return new Footer(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, indentation, new Justification { Val = side }),
            Text("\u2014 "),
            Field(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            Field(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            Field(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Text("1"),
            Field(new FieldChar { FieldCharType = FieldCharValues.End }),
            Text(" \u2014")));
    }

    private static Styles Styles()
    {
        static Style ParagraphStyle(string id, string name, string font, int size) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = font, ComplexScript = LatinFont }, new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyFont, ComplexScript = LatinFont },
                    new Kern { Val = 2 },
                    new FontSize { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                // No widow/orphan control: every page is filled to its 22 lines, as the standard's pages are.
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new WidowControl { Val = false },
                    new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
                    new Justification { Val = JustificationValues.Both }))),
            // The Normal style states the body font and size itself: LibreOffice takes the text grid's character
            // width from it (not from the document defaults), so without it 3号 characters would take two grid cells.
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle(),
                new StyleRunProperties(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyFont, ComplexScript = LatinFont },
                    new FontSize { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = BodySize.ToString(CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            ParagraphStyle(TitleStyle, "Bulletin Title", TitleFont, TitleSize),
            ParagraphStyle(HeadingStyle, "Bulletin Heading 1", HeadingFont, BodySize),
            ParagraphStyle(SubheadingStyle, "Bulletin Heading 2", SubheadingFont, BodySize),
            ParagraphStyle(BodyStyle, "Bulletin Body", BodyFont, BodySize));
    }

    /// <summary>The fonts, each with the common name a machine without it substitutes (Windows' 宋体, 仿宋, 黑体, 楷体).</summary>
    private static Fonts FontTable()
    {
        static Font Font(string name, string alternative, FontFamilyValues family) => new(
            new AltName { Val = alternative },
            new FontCharSet { Val = "86" },
            new FontFamily { Val = family },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = name };

        return new Fonts(
            Font(TitleFont, "宋体", FontFamilyValues.Roman),
            Font(BodyFont, "仿宋", FontFamilyValues.Modern),
            Font(HeadingFont, "SimHei", FontFamilyValues.Modern),
            Font(SubheadingFont, "楷体", FontFamilyValues.Modern),
            Font(PageNumberFont, "SimSun", FontFamilyValues.Auto),
            new Font(new FontFamily { Val = FontFamilyValues.Roman }, new Pitch { Val = FontPitchValues.Variable }) { Name = LatinFont });
    }

    private static int Millimetres(double mm) => (int)Math.Round(mm / 25.4 * 1440);

    /// <summary>一、二、… or 1. 2. …</summary>
    private static string Numeral(int n, UiLocale locale) => locale == UiLocale.ZhCN ? Chinese(n) + "、" : n.ToString(CultureInfo.InvariantCulture) + ". ";

    /// <summary>（一）（二）… or (a) (b) …</summary>
    private static string SubNumeral(int n, UiLocale locale) => locale == UiLocale.ZhCN
        ? "（" + Chinese(n) + "）"
        : "(" + n.ToString(CultureInfo.InvariantCulture) + ") ";

    private static string Chinese(int n)
    {
        const string Digits = "〇一二三四五六七八九";
        if (n < 10)
        {
            return Digits[n].ToString();
        }

        if (n < 100)
        {
            var tens = n / 10;
            var ones = n % 10;
            return (tens == 1 ? string.Empty : Digits[tens].ToString()) + "十" + (ones == 0 ? string.Empty : Digits[ones].ToString());
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Drops only what XML cannot hold (control characters other than tab); the text is otherwise kept as stored.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c != '\t') && !text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c == '\t'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
