namespace FollowUpBot.Directives;

/// <summary>
/// Text as people publish it is often hard-wrapped: plain-text minutes, mail, PDF text layers and .txt exports break a
/// sentence at a fixed width ("directed staff not to break the\nproposed $9 Million mark …", "各承办单位要对照\n单位职责…"),
/// and the line-based reading would cut the directive at the line end. This joins a line to the next when the break is a
/// wrap and not a paragraph, list-item, heading or table-row break. English lines are joined with a space, Chinese lines
/// with nothing. The read text comes with a map from each of its characters to the text as written, so every span found
/// in it is cut from the original.
/// </summary>
internal static partial class HardWraps
{
    // Chinese wraps at a fixed number of characters, so every wrapped line runs close to the text's width; a heading, an
    // item of a list or the closing line of a paragraph is shorter.
    private const double ChineseWidthShare = 0.9;

    // In a text wrapped at a width most lines end close to it.
    private const double EnglishWidthShare = 0.75;

    // Below this a "width" is that of a few short lines (a heading, a note), not of a page.
    private const int MinChineseWidth = 16;

    /// <summary>
    /// The text with its wrapped lines joined (and no-break spaces read as spaces), and for every character of it (and one past
    /// the end) its index in <paramref name="text"/>; a null map when nothing was joined, and the same string when nothing changed.
    /// </summary>
    public static string Unwrap(string text, out int[]? map)
    {
        map = null;

        // Pages copied from the web separate words with no-break spaces; the rules read them as spaces (one for one).
        if (text.Contains('\u00A0', StringComparison.Ordinal))
        {
            text = text.Replace('\u00A0', ' ');
        }

        var lines = Lines(text);
        if (lines.Count < 2)
        {
            return text;
        }

        var width = TypicalWidth(lines);
        var wrapped = IsWrapped(lines, width);
        var doubleSpaced = IsDoubleSpaced(text, lines);
        List<(int From, int To, bool Space)>? joins = null;
        for (var k = 0; k + 1 < lines.Count; k++)
        {
            var (prevStart, prevEnd) = lines[k];

            // A page break of a PDF or a printed page ("Page 3 of 12", "- 4 -", "第 2 页") between two halves of a
            // sentence is stepped over, with the blank lines around it.
            var m = k + 1;
            var furniture = false;
            while (m < lines.Count && m <= k + 4 && (lines[m].Start == lines[m].End || IsPageNumber(text, lines[m].Start, lines[m].End)))
            {
                furniture |= lines[m].Start != lines[m].End;
                m++;
            }

            // In a double-spaced text (a blank line after every line) a blank line is no paragraph break: a sentence that
            // stops mid-way ("… the Supervisor contact the Township Attorney", blank, "to write up a moratorium …") runs on
            // across it. Elsewhere a blank line keeps its meaning.
            var runOn = doubleSpaced && !furniture && m == k + 2 && m < lines.Count && prevStart != prevEnd
                && RunsOnAcrossBlank(text, prevStart, prevEnd, lines[m].Start, lines[m].End);
            if (!(furniture || runOn) || m >= lines.Count)
            {
                m = k + 1;
            }

            var (nextStart, nextEnd) = lines[m];
            if (prevStart == prevEnd || nextStart == nextEnd || (!furniture && !runOn && !AdjacentLines(text, prevEnd, nextStart)))
            {
                continue;
            }

            if ((runOn ? true : Join(text, prevStart, prevEnd, nextStart, nextEnd, width, wrapped)) is { } space)
            {
                (joins ??= []).Add((prevEnd, nextStart, space));

                // The page furniture stepped over is part of the join; the next line to look at is the one joined.
                k = m - 1;
            }
        }

        if (joins is null)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var positions = new int[text.Length + 1];
        var written = 0;
        var at = 0;
        foreach (var (from, to, space) in joins)
        {
            for (; at < from; at++)
            {
                builder.Append(text[at]);
                positions[written++] = at;
            }

            if (space)
            {
                builder.Append(' ');
                positions[written++] = from;
            }

            at = to;
        }

        for (; at < text.Length; at++)
        {
            builder.Append(text[at]);
            positions[written++] = at;
        }

        positions[written] = text.Length;
        map = positions[..(written + 1)];
        return builder.ToString();
    }

    /// <summary>
    /// A span cut from a wrapped text as written (a task, a quote, an actor) on one line, for people to read: each line break
    /// inside it, with the spaces around it, is dropped where a Chinese character or full-width punctuation or a hyphen
    /// meets it and read as one space elsewhere; breaks at either end are dropped. A span without a line break is returned
    /// as it is.
    /// </summary>
    /// <remarks>
    /// The extractor cuts what it shows from the text as written, so its offsets hold (<c>followup extract</c>'s quote is a
    /// substring of the text); what an organiser or a department reads on a card is this.
    /// </remarks>
    public static string OneLine(string span)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (span.AsSpan().IndexOfAny('\n', '\r') < 0)
        {
            return span;
        }

        var builder = new System.Text.StringBuilder(span.Length);
        var at = 0;
        while (at < span.Length)
        {
            if (!IsSpace(span[at]))
            {
                builder.Append(span[at++]);
                continue;
            }

            var end = at;
            var breaks = false;
            while (end < span.Length && IsSpace(span[end]))
            {
                breaks |= span[end] is '\n' or '\r';
                end++;
            }

            if (!breaks)
            {
                builder.Append(span, at, end - at);
            }
            else if (builder.Length > 0 && end < span.Length && !IsWide(builder[^1]) && builder[^1] != '-' && !IsWide(span[end]))
            {
                builder.Append(' ');
            }

            at = end;
        }

        return builder.ToString();
    }

    /// <summary>Each line's content without its leading and trailing whitespace (empty when blank), in text order.</summary>
    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var position = 0;
        while (position <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            int start = position, end = lineEnd;
            while (start < end && IsSpace(text[start]))
            {
                start++;
            }

            while (end > start && IsSpace(text[end - 1]))
            {
                end--;
            }

            lines.Add(start == end ? (start, start) : (start, end));
            position = lineEnd + 1;
        }

        return lines;
    }

    /// <summary>Only whitespace and one line break between the two lines: a blank line is a paragraph break.</summary>
    private static bool AdjacentLines(string text, int prevEnd, int nextStart)
    {
        var breaks = 0;
        for (var i = prevEnd; i < nextStart; i++)
        {
            breaks += text[i] == '\n' ? 1 : 0;
        }

        return breaks == 1;
    }

    /// <summary>The length most lines stay within (the 90th percentile of non-blank line lengths); 0 for fewer than three lines.</summary>
    private static int TypicalWidth(List<(int Start, int End)> lines)
    {
        var lengths = new List<int>(lines.Count);
        foreach (var (start, end) in lines)
        {
            if (end > start)
            {
                lengths.Add(end - start);
            }
        }

        if (lengths.Count < 3)
        {
            return 0;
        }

        lengths.Sort();
        return lengths[(int)((lengths.Count - 1) * 0.9)];
    }

    /// <summary>Whether the break after the first line is a wrap: true to join with a space, false with nothing, null to keep it.</summary>
    private static bool? Join(string text, int prevStart, int prevEnd, int nextStart, int nextEnd, int width, bool wrapped)
    {
        // A table row (cells by tabs or "|"), a Markdown heading, a list item or an owner line after the break start
        // something of their own — except a "Word:" after a line that stops where no clause can ("… proposal for the next
        // several\nHackathons: July …"), which is the same sentence run on.
        if (IsTableRow(text, prevStart, prevEnd) || IsTableRow(text, nextStart, nextEnd) || text[prevStart] == '#'
            || IsSpacedTableRow(text, prevStart, prevEnd, nextStart, nextEnd)
            || (char.IsAsciiDigit(text[nextStart]) && RowTail().IsMatch(text.AsSpan(prevStart, prevEnd - prevStart)))
            || Outline.Read(text, nextStart, nextEnd) is not null
            || (StartsWithLabel(text, nextStart, nextEnd) && !EndsMidClause(text, prevStart, prevEnd)))
        {
            return null;
        }

        var last = text[prevEnd - 1];
        var english = IsLatin(text, prevStart, prevEnd);

        // How far the line ran: a paragraph's first line is indented ("       王宏民强调，…"), and its indent took up part of
        // the width it was wrapped at.
        var lineStart = prevStart;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t' or '\u3000')
        {
            lineStart--;
        }

        var extent = prevEnd - lineStart;
        if (english != IsLatin(text, nextStart, nextEnd))
        {
            return null;
        }

        if (english)
        {
            // "… the August 19"' meeting." / "(status quo);": a sentence or an item that ended.
            if (last is '.' or '!' or '?' or ':' or ';' or ')' or ']' or '"' or '”' || (last is '\'' or '’' && prevEnd - prevStart > 1 && text[prevEnd - 2] is '.' or '!' or '?'))
            {
                return null;
            }

            // A break before a lower-case word, or after a comma or a word that cannot end a sentence ("… not to break the\n
            // proposed"), is inside a sentence. Before a capital ("… or under a City\nCouncilmember's agenda item") only in a
            // text wrapped at a width, on a line that ran to it: lines listed without bullets ("Leonard & Hwang to …\nSilona -
            // to …") end on a word and start with a capital too, but do not fill a page's width line after line.
            // "… Push Request [EIP\n1057](https://…)": a line that leaves a bracket open goes on inside it.
            return char.IsLower(text[nextStart]) || EndsMidClause(text, prevStart, prevEnd) || LeavesBracketOpen(text, prevStart, prevEnd)
                || (wrapped && extent >= width * EnglishWidthShare) ? true : null;
        }

        // No Chinese line starts with a comma or a full stop of its own: a fixed-width export cut the sentence just before one
        // ("…这个“杀手锏”\n，对落实…"), whatever closed the line above.
        if (text[nextStart] is '，' or '、' or '。' or '；' or '：' or '？' or '！')
        {
            return false;
        }

        // A field line (责任单位：…) is complete on its line, unless it ran to the width and stops between two Han characters:
        // a list flattened onto one line and wrapped may start a line inside its note ("(责" / "任单位:…各乡镇场) 4.整" / "治…").
        if (width < MinChineseWidth || extent < width * ChineseWidthShare
            || (IsFieldLine(text, prevStart, prevEnd) && !(IsCjk(last) && IsCjk(text[nextStart]))))
        {
            return null;
        }

        // "1.努力实现…。" then "牵头单位：区发改局": a field line under a finished item is the item's field, not more of its
        // sentence, even when the item ran to the width. A bracketed note ("（责任单位：…）") may still be wrapped onto it.
        if (last is '。' or '；' or ';' && text[nextStart] is not ('（' or '(' or '〔') && IsFieldLine(text, nextStart, nextEnd))
        {
            return null;
        }

        // A full line that ends a sentence (…互通互用。) is followed by more of its paragraph unless the next line is indented
        // (a PDF's new paragraph starts with "　　"); a colon, a bracket or a quotation mark closes something of its own —
        // but not a short aside inside a name (各镇(区)\n政府(管委会)要…), which the sentence runs on from.
        if (last is '。' or '；' or ';' ? char.IsWhiteSpace(text[nextStart - 1]) && text[nextStart - 1] is not ('\n' or '\r')
            : (last is '！' or '？' or '：' or ':' or '!' or '?' or '”' or '）' or ')' or '」' or '』' or '〕') && !EndsWithInlineAside(text, prevStart, prevEnd))
        {
            return null;
        }

        return IsCjk(text[nextStart]) || char.IsAsciiDigit(text[nextStart]) || char.IsPunctuation(text[nextStart]) ? false : null;
    }

    /// <summary>
    /// An English paragraph that stops mid-sentence (a long line with no closing punctuation) and one that goes on with a
    /// lower-case word after one blank line: a sentence a web page broke in two. A heading or a label stops on a word too, but
    /// is short; a list item or a line that starts with a capital begins something of its own.
    /// </summary>
    private static bool RunsOnAcrossBlank(string text, int prevStart, int prevEnd, int nextStart, int nextEnd)
    {
        if (!char.IsLower(text[nextStart]) || !IsLatin(text, prevStart, prevEnd) || !IsLatin(text, nextStart, nextEnd)
            || Outline.Read(text, nextStart, nextEnd) is not null || IsTableRow(text, prevStart, prevEnd) || IsTableRow(text, nextStart, nextEnd))
        {
            return false;
        }

        var last = text[prevEnd - 1];
        if (!char.IsLetter(last) && last != ',')
        {
            return false;
        }

        // The paragraph's words, from the blank line above it: a wrapped paragraph's last line may be short.
        var blockStart = prevStart > 0 ? text.LastIndexOf('\n', prevStart - 1) + 1 : 0;
        while (blockStart > 0 && prevStart - blockStart < MaxParagraphLookBack)
        {
            var aboveEnd = blockStart - 1;
            var aboveStart = aboveEnd > 0 ? text.LastIndexOf('\n', aboveEnd - 1) + 1 : 0;
            if (text.AsSpan(aboveStart, aboveEnd - aboveStart).IsWhiteSpace())
            {
                break;
            }

            blockStart = aboveStart;
        }

        return WordCount(text, blockStart, prevEnd) >= MinRunOnWords;
    }

    // Fewer words than this on the line before the blank make a heading or a label ("Old business", "Attendees"), not half a
    // sentence.
    private const int MinRunOnWords = 8;

    // How far up a paragraph is looked at for its words (a few wrapped lines).
    private const int MaxParagraphLookBack = 400;

    // Fewer paragraphs than this are too few to tell a text that breaks its sentences from one that has a few headings.
    private const int MinDoubleSpacedBlocks = 6;

    /// <summary>
    /// A text exported with a blank line after every line (a web page's line breaks doubled, perhaps wrapped again): of its
    /// paragraphs that end on a long English line, at least a third stop mid-sentence (on a word or a comma), where written
    /// paragraphs end on a full stop and headings are short.
    /// </summary>
    private static bool IsDoubleSpaced(string text, List<(int Start, int End)> lines)
    {
        int blocks = 0, longEnds = 0, open = 0, blockStart = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            var (start, end) = lines[k];
            if (start == end)
            {
                blockStart = -1;
                continue;
            }

            blockStart = blockStart < 0 ? start : blockStart;
            if (k + 1 < lines.Count && lines[k + 1].Start != lines[k + 1].End)
            {
                continue;
            }

            blocks++;
            if (!IsLatin(text, start, end) || WordCount(text, blockStart, end) < MinRunOnWords)
            {
                continue;
            }

            longEnds++;
            open += char.IsLetter(text[end - 1]) || text[end - 1] == ',' ? 1 : 0;
        }

        return blocks >= MinDoubleSpacedBlocks && open >= 3 && open * 3 >= longEnds;
    }

    private static int WordCount(string text, int start, int end)
    {
        var words = 1;
        for (var i = start; i < end; i++)
        {
            words += text[i] == ' ' && i + 1 < end && text[i + 1] != ' ' ? 1 : 0;
        }

        return words;
    }

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "to", "for", "and", "or", "nor", "with", "in", "on", "at", "by", "from", "into", "onto", "than", "that",
        "not", "be", "been", "will", "would", "should", "shall", "must", "can", "could", "may", "is", "are", "was", "were", "has", "have",
        "had", "as", "this", "these", "those", "their", "its", "his", "her", "our", "your", "but", "if", "who", "which", "whose", "per",
        "via", "about", "between", "during", "under", "over", "upon", "within", "without", "all", "any", "each", "every", "some", "no",
    };

    /// <summary>Words besides the function words after which an English clause cannot stop.</summary>
    private static readonly HashSet<string> MidClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "several", "whether", "because", "although", "though", "unless", "whereas", "including", "regarding", "among", "amongst",
        "toward", "towards",
    };

    /// <summary>A line that stops after a comma, a dash or a word no clause ends on.</summary>
    private static bool EndsMidClause(string text, int start, int end)
    {
        if (!IsLatin(text, start, end))
        {
            return false;
        }

        if (text[end - 1] is ',' or '-' or '–' || EndsWithFunctionWord(text, start, end))
        {
            return true;
        }

        var wordStart = end;
        while (wordStart > start && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return wordStart < end && MidClauseWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(wordStart, end - wordStart));
    }

    /// <summary>More square or round brackets opened on the line than closed.</summary>
    private static bool LeavesBracketOpen(string text, int start, int end)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            depth += text[i] is '[' or '(' ? 1 : text[i] is ']' or ')' ? -1 : 0;
        }

        return depth > 0;
    }

    /// <summary>"…各镇(区)": a bracket of at most four characters, no colon or comma in it, opened right after a Chinese character.</summary>
    private static bool EndsWithInlineAside(string text, int start, int end)
    {
        var close = text[end - 1];
        if (close is not (')' or '）'))
        {
            return false;
        }

        for (var open = end - 2; open > start && open >= end - 6; open--)
        {
            if (text[open] is '(' or '（')
            {
                return end - open - 2 >= 1 && IsCjk(text[open - 1])
                    && text.AsSpan(open + 1, end - open - 2).IndexOfAny("：:，,、") < 0;
            }
        }

        return false;
    }

    private static bool EndsWithFunctionWord(string text, int start, int end)
    {
        var wordStart = end;
        while (wordStart > start && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return wordStart < end && (wordStart == start || text[wordStart - 1] == ' ')
            && FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(wordStart, end - wordStart));
    }

    /// <summary>"Mary: review …", "mmccool: Clean up …", "RCA: Okay, …", "Action: …" open a line of their own.</summary>
    private static bool StartsWithLabel(string text, int start, int end)
    {
        var colon = text.IndexOf(':', start, Math.Min(40, end - start));
        if (colon <= start || colon + 1 >= end || text[colon + 1] != ' ' || !char.IsLetter(text[start]))
        {
            return false;
        }

        var words = 1;
        for (var i = start; i < colon; i++)
        {
            if (text[i] == ' ')
            {
                words++;
            }
            else if (!char.IsLetterOrDigit(text[i]) && text[i] is not ('.' or '-' or '\'' or '’' or '*' or '_' or '@' or '/'))
            {
                return false;
            }
        }

        return words <= 3;
    }

    /// <summary>
    /// A text hard-wrapped at a width (30–120 characters): at least half of its lines of five or more words end within a
    /// quarter of that width. Text written a paragraph a line, lists and Markdown notes have lines of every length.
    /// </summary>
    private static bool IsWrapped(List<(int Start, int End)> lines, int width)
    {
        if (width is < 30 or > 120)
        {
            return false;
        }

        int counted = 0, full = 0;
        foreach (var (start, end) in lines)
        {
            if (end - start < 20)
            {
                continue;
            }

            counted++;
            full += end - start >= width * EnglishWidthShare ? 1 : 0;
        }

        return counted >= 4 && full * 2 >= counted;
    }

    /// <summary>"责任单位：市安委会办公室", "完成时限：6月底前": a field of a notice, complete on its line.</summary>
    private static bool IsFieldLine(string text, int start, int end)
    {
        var colon = text.AsSpan(start, Math.Min(10, end - start)).IndexOfAny('：', ':');
        if (colon < 2)
        {
            return false;
        }

        var key = text.AsSpan(start, colon).TrimStart("（(〔");
        return key.EndsWith("单位") || key.EndsWith("部门") || key.EndsWith("时限") || key.EndsWith("时间") || key.EndsWith("人") || key.EndsWith("主体");
    }

    /// <summary>A line that is only a page number: "Page 3", "Page 3 of 12", "- 4 -", "12", "第 2 页", "第2页 共5页".</summary>
    private static bool IsPageNumber(string text, int start, int end) =>
        end - start <= 16 && PageNumber().IsMatch(text.AsSpan(start, end - start));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:[Pp]age|PAGE)\s+\d{1,3}(?:\s+of\s+\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PageNumber();

    /// <summary>A row of an action table that lost its borders ("… Priya June 3") under its header or another row.</summary>
    private static bool IsSpacedTableRow(string text, int prevStart, int prevEnd, int nextStart, int nextEnd)
    {
        // A row ends in its due date; test that before any pattern.
        if (!char.IsAsciiDigit(text[nextEnd - 1]))
        {
            return false;
        }

        var above = char.IsAsciiDigit(text[prevEnd - 1])
            ? SpacedTable.ReadRow(text, prevStart, prevEnd) is not null
            : SpacedTable.IsHeader(text, prevStart, prevEnd);
        return above && SpacedTable.ReadRow(text, nextStart, nextEnd) is not null;
    }

    // "… call Graciela July 11" before "1 Create …": a row of a borderless action table ends in its owner and due date, and the
    // next row opens with its number.
    [System.Text.RegularExpressions.GeneratedRegex(@" [A-Z][a-z][\w'’.-]* (?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RowTail();

    private static bool IsTableRow(string text, int start, int end) =>
        text[start] == '|' || text.IndexOf('\t', start, end - start) >= 0 || (end - start > 2 && text[end - 1] == '|' && text[end - 2] == ' ');

    private static bool IsLatin(string text, int start, int end)
    {
        int cjk = 0, latin = 0;
        for (var i = start; i < end; i++)
        {
            if (IsCjk(text[i]))
            {
                cjk++;
            }
            else if (char.IsAsciiLetter(text[i]))
            {
                latin++;
            }
        }

        return latin > 3 * cjk;
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF';

    // A Chinese character or a full-width mark (、，。：；（） and the rest), which is not spaced from its neighbours.
    private static bool IsWide(char c) => IsCjk(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';
}
