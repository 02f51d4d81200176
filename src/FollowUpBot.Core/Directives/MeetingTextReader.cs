using System.IO.Compression;

namespace FollowUpBot.Directives;

/// <summary>Where the text came from; offsets always refer to <see cref="MeetingText.Text"/>.</summary>
internal enum MeetingTextFormat
{
    PlainText,
    Markdown,
    Docx,
    Doc,
    Spreadsheet,
    OpenDocument,
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
/// Turns an uploaded file (.txt in any of the encodings Chinese offices use, .md, .docx, .doc/.wps, .xlsx/.xls, .odt, a text PDF, a Teams .vtt transcript) into text.
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
            result = ReadPackage(bytes.ToArray());
        }
        else if (CompoundFile.LooksLikeCompoundFile(bytes))
        {
            result = ReadCompoundFile(bytes.ToArray());
        }
        else if (PdfText.LooksLikePdf(bytes))
        {
            result = new MeetingText(PdfText.Extract(bytes), MeetingTextFormat.Pdf, "pdf");
        }
        else if (extension == ".PDF")
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, "The .pdf file is not a PDF document (it does not start with %PDF-).") { Document = "PDF" };
        }
        else if (extension == ".DOCX")
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, "The .docx file is not a Word document (it is not a zip package).") { Document = "Word (.docx)" };
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

    /// <summary>A zip package: a Word or Excel document (Office and WPS save both) or an OpenDocument text; anything else refused by name.</summary>
    private static MeetingText ReadPackage(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return new MeetingText(XlsxText.Extract(bytes), MeetingTextFormat.Spreadsheet, "xlsx");
            }

            if (OdtText.IsTextDocument(zip))
            {
                return new MeetingText(OdtText.Extract(zip), MeetingTextFormat.OpenDocument, "odt");
            }

            if (zip.GetEntry("ppt/presentation.xml") is not null)
            {
                throw new MeetingTextException(MeetingTextError.Unsupported, "The file is a PowerPoint presentation; attach the minutes as .docx, .pdf or text.") { Document = "PowerPoint (.pptx)" };
            }

            if (zip.GetEntry("mimetype") is not null && zip.GetEntry("content.xml") is not null)
            {
                throw new MeetingTextException(MeetingTextError.Unsupported, "The file is an OpenDocument spreadsheet or presentation; save it as .xlsx or .docx.") { Document = "OpenDocument (.ods/.odp)" };
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Not a readable zip (or a damaged entry of one): the Word reader below names it a damaged document.
        }

        return new MeetingText(DocxText.Extract(bytes), MeetingTextFormat.Docx, "docx");
    }

    /// <summary>An OLE compound file: a Word 97–2003 (.doc) or WPS (.wps) document, an Excel 97–2003 (.xls/.et) workbook; other Office binaries are named and refused.</summary>
    private static MeetingText ReadCompoundFile(byte[] bytes)
    {
        CompoundFile file;
        HashSet<string> names;
        try
        {
            file = CompoundFile.Open(bytes);
            names = file.TopLevelNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (FormatException e)
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The Office document cannot be read: {e.Message}", e) { Document = "Office/WPS" };
        }

        if (names.Contains("WordDocument"))
        {
            return new MeetingText(LegacyWordText.Extract(file), MeetingTextFormat.Doc, "doc");
        }

        if (names.Contains("EncryptedPackage"))
        {
            throw new MeetingTextException(MeetingTextError.Encrypted, "The document is password-protected.") { Document = "Office/WPS" };
        }

        if (names.Contains("Workbook") || names.Contains("Book"))
        {
            return new MeetingText(XlsText.Extract(file), MeetingTextFormat.Spreadsheet, "xls");
        }

        var kind = names.Contains("PowerPoint Document") ? "PowerPoint 97-2003 (.ppt)" : "Office/WPS";
        throw new MeetingTextException(MeetingTextError.Unsupported, $"The file ({kind}) is of a kind that is not read; save the minutes as .docx (or .xlsx for a table).") { Document = kind };
    }

    private static void ThrowIfTooLarge(long length, MeetingTextReaderOptions options)
    {
        if (length > options.MaxBytes)
        {
            throw new MeetingTextException(MeetingTextError.TooLarge, $"The file is {length:N0} bytes; the limit is {options.MaxBytes:N0}.");
        }
    }
}
