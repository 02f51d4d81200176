namespace FollowUpBot.Progress;

/// <summary>Small text helpers of the reply parser.</summary>
internal static class ReplyText
{
    // Traditional characters of the status and unit vocabulary, with their simplified forms at the same index,
    // so a reply written in traditional Chinese (推進中, 第3項, 無法) reads like a simplified one.
    private const string Traditional = "項進無難暫辦結實經開啟動請區縣礙滯擱預計劃爭將確這週號個萬億畢驗審復級門廳會與還沒問題資關於後準備態過達設據為須標報體從認證評價廠鎮鄉戶樓條間輛張屆歲層點輪課節長時數兩說處導專組織議構築護醫療衛紀檢責應調濟線電網帶繼續決並順圓滿遲緩詢盡單舉屬產業種類發揮務員規範總況舊當歸檔銷書狀氣變遞託傳運營邊陽陰隊費統籌協對聯繫壓餘";
    private const string Simplified = "项进无难暂办结实经开启动请区县碍滞搁预计划争将确这周号个万亿毕验审复级门厅会与还没问题资关于后准备态过达设据为须标报体从认证评价厂镇乡户楼条间辆张届岁层点轮课节长时数两说处导专组织议构筑护医疗卫纪检责应调济线电网带继续决并顺圆满迟缓询尽单举属产业种类发挥务员规范总况旧当归档销书状气变递托传运营边阳阴队费统筹协对联系压余";

    /// <summary>
    /// Full-width forms to ASCII, traditional to simplified Chinese, and lower case, one char for one char, so that every index into the
    /// folded text is the same index into the original (notes and dates are cut from the original).
    /// </summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            else if (c is '\u3000' or '\u00A0')
            {
                c = ' ';
            }
            else if (c is '\u2019' or '\u2018')
            {
                c = '\'';
            }
            else if (c >= '\u4E00' && Traditional.IndexOf(c, StringComparison.Ordinal) is var t and >= 0)
            {
                c = Simplified[t];
            }

            span[i] = char.ToLowerInvariant(c);
        }
    });

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Where a sentence or clause ends: the parser does not read across these.</summary>
    public static bool IsSentenceBreak(char c) => c is '。' or ';' or '!' or '?' or '\n' or '\r';

    /// <summary>Separators that may follow an item marker or a status word.</summary>
    public static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is ':' or ',' or '、' or '.' or '-' or '—' or '–' or '|' or '/' or ';' or '。' or '!' or '~';

    /// <summary>1–999 written in Chinese numerals (十二, 二十, 一百零二, 两); null when it is not one.</summary>
    public static int? ParseChineseNumber(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var total = 0;
        var digit = -1;
        foreach (var c in text)
        {
            var value = c switch
            {
                '零' or '〇' => 0,
                '一' => 1,
                '二' or '两' => 2,
                '三' => 3,
                '四' => 4,
                '五' => 5,
                '六' => 6,
                '七' => 7,
                '八' => 8,
                '九' => 9,
                _ => -1,
            };
            if (value >= 0)
            {
                digit = value;
                continue;
            }

            var unit = c switch
            {
                '十' => 10,
                '百' => 100,
                _ => 0,
            };
            if (unit == 0)
            {
                return null;
            }

            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        if (digit > 0)
        {
            total += digit;
        }

        return total is > 0 and < 1000 ? total : null;
    }

    /// <summary>A number written with ASCII digits or Chinese numerals.</summary>
    public static int? ParseNumber(ReadOnlySpan<char> text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : ParseChineseNumber(text);
}
