using System.Text;

namespace FollowUpBot.Directives;

/// <summary>
/// Charset detection for meeting texts: BOMs, strict UTF-8, BOM-less UTF-16 by its NUL pattern, then GB18030
/// (a superset of GBK and GB2312) accepted only when it decodes cleanly into text that reads as Chinese.
/// </summary>
internal static class TextDecoding
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (DecodeOrThrow(StrictUtf8, bytes[3..], "UTF-8"), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (DecodeOrThrow(StrictUtf16Le, bytes[2..], "UTF-16LE"), "utf-16le-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (DecodeOrThrow(StrictUtf16Be, bytes[2..], "UTF-16BE"), "utf-16be-bom");
        }

        var utf16 = GuessUtf16ByNuls(bytes);
        if (utf16 is not null)
        {
            var text = TryDecode(utf16, bytes);
            if (text is not null && !HasControlNoise(text))
            {
                return (text, utf16 == StrictUtf16Le ? "utf-16le" : "utf-16be");
            }
        }

        if (LooksBinary(bytes))
        {
            throw new MeetingTextException(MeetingTextError.Binary, "The file looks binary (NUL or control bytes), not text.");
        }

        var utf8 = TryDecode(StrictUtf8, bytes);
        if (utf8 is not null)
        {
            return (utf8, "utf-8");
        }

        var gb = TryDecode(StrictGb18030.Value, bytes);
        if (gb is not null && ReadsAsChinese(gb))
        {
            return (gb, "gb18030");
        }

        // A single line of Chinese in UTF-16 has no NULs at all; accept it only when it reads as Chinese.
        if (bytes.Length % 2 == 0)
        {
            foreach (var encoding in new[] { StrictUtf16Le, StrictUtf16Be })
            {
                var text = TryDecode(encoding, bytes);
                if (text is not null && ReadsAsChinese(text) && !HasControlNoise(text))
                {
                    return (text, encoding == StrictUtf16Le ? "utf-16le" : "utf-16be");
                }
            }
        }

        throw new MeetingTextException(MeetingTextError.UnknownEncoding, "The text encoding is not recognised: save the file as UTF-8 (or UTF-16, GB18030) and try again.");
    }

    private static string DecodeOrThrow(Encoding encoding, ReadOnlySpan<byte> bytes, string name) =>
        TryDecode(encoding, bytes) ?? throw new MeetingTextException(MeetingTextError.UnknownEncoding, $"The file starts with a {name} byte-order mark but is not valid {name}.");

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding? GuessUtf16ByNuls(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length < 4 || bytes.Length % 2 != 0)
        {
            return null;
        }

        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            evenNuls += sample[i] == 0 ? 1 : 0;
            oddNuls += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;

        // ASCII newlines and spaces give UTF-16 text a steady share of NULs on one side only.
        if (oddNuls * 20 >= pairs && evenNuls * 10 < oddNuls)
        {
            return StrictUtf16Le;
        }

        return evenNuls * 20 >= pairs && oddNuls * 10 < evenNuls ? StrictUtf16Be : null;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                control++;
            }
        }

        return control * 100 > sample.Length;
    }

    private static bool HasControlNoise(string text)
    {
        var control = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4096)))
        {
            if (c == '\0' || (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')))
            {
                control++;
            }
        }

        return control * 100 > Math.Min(text.Length, 4096);
    }

    /// <summary>Most non-ASCII characters are CJK ideographs or CJK/full-width punctuation.</summary>
    private static bool ReadsAsChinese(string text)
    {
        int nonAscii = 0, cjk = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            nonAscii++;
            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF') or (>= '\u2010' and <= '\u2027') or (>= '\u2460' and <= '\u24FF') or (>= '\u3400' and <= '\u4DBF'))
            {
                cjk++;
            }
        }

        return nonAscii > 0 && cjk * 10 >= nonAscii * 9;
    }
}
