namespace FollowUpBot.Directives;

/// <summary>Where the text came from; offsets always refer to <see cref="MeetingText.Text"/>.</summary>
internal enum MeetingTextFormat
{
    PlainText,
    Markdown,
    Docx,
    Pdf,
    Transcript,
}

internal sealed record MeetingText(string Text, MeetingTextFormat Format, string Encoding);

/// <summary>Limits on what the reader accepts.</summary>
internal sealed record MeetingTextReaderOptions
{
    /// <summary>Bigger inputs are refused before decoding; a meeting text is rarely above a few hundred kilobytes.</summary>
    public long MaxBytes { get; init; } = 32L * 1024 * 1024;
}

/// <summary>
/// Turns an uploaded file (.txt in any of the encodings Chinese offices use, .md, .docx, a text PDF, a Teams .vtt transcript) into text.
/// Every refusal is a <see cref="MeetingTextException"/>; nothing else escapes for bad content.
/// </summary>
internal static class MeetingTextReader
{
    public static async Task<MeetingText> ReadFileAsync(string path, MeetingTextReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MeetingTextReaderOptions();
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new MeetingTextException(MeetingTextError.Unreadable, $"{path}: no such file.");
            }

            ThrowIfTooLarge(info.Length, options);
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MeetingTextException(MeetingTextError.Unreadable, $"{path} cannot be read: {e.Message}", e);
        }

        return Read(bytes, Path.GetFileName(path), options);
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="fileName"/> only hints at the format, the content decides.</summary>
    public static MeetingText Read(ReadOnlySpan<byte> bytes, string? fileName = null, MeetingTextReaderOptions? options = null)
    {
        options ??= new MeetingTextReaderOptions();
        ThrowIfTooLarge(bytes.Length, options);
        if (bytes.IsEmpty)
        {
            throw new MeetingTextException(MeetingTextError.Empty, "The file is empty.");
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant();
        MeetingText result;
        if (DocxText.LooksLikeZip(bytes))
        {
            result = new MeetingText(DocxText.Extract(bytes), MeetingTextFormat.Docx, "docx");
        }
        else if (PdfText.LooksLikePdf(bytes))
        {
            result = new MeetingText(PdfText.Extract(bytes), MeetingTextFormat.Pdf, "pdf");
        }
        else if (extension == ".PDF")
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, "The .pdf file is not a PDF document (it does not start with %PDF-).");
        }
        else if (extension == ".DOCX")
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, "The .docx file is not a Word document (it is not a zip package).");
        }
        else
        {
            var (text, encoding) = TextDecoding.Decode(bytes);
            result = extension == ".VTT" || WebVttTranscript.LooksLikeVtt(text)
                ? new MeetingText(WebVttTranscript.ToText(text), MeetingTextFormat.Transcript, encoding)
                : new MeetingText(text, extension is ".MD" or ".MARKDOWN" ? MeetingTextFormat.Markdown : MeetingTextFormat.PlainText, encoding);
        }

        if (string.IsNullOrWhiteSpace(result.Text))
        {
            throw new MeetingTextException(MeetingTextError.Empty, "The file holds no text.");
        }

        return result;
    }

    private static void ThrowIfTooLarge(long length, MeetingTextReaderOptions options)
    {
        if (length > options.MaxBytes)
        {
            throw new MeetingTextException(MeetingTextError.TooLarge, $"The file is {length:N0} bytes; the limit is {options.MaxBytes:N0}.");
        }
    }
}
