namespace FollowUpBot.Directives;

/// <summary>Why an input could not be turned into meeting text.</summary>
internal enum MeetingTextError
{
    Empty,
    TooLarge,
    Binary,
    UnknownEncoding,
    CorruptDocument,
    Unreadable,

    /// <summary>A PDF whose pages are images (a scan): there is no text to read without OCR.</summary>
    NoTextLayer,

    /// <summary>A .vtt file that is not a WebVTT transcript (no header, a broken cue timing, no cues).</summary>
    MalformedTranscript,

    /// <summary>A password-protected document: its text cannot be read without the password.</summary>
    Encrypted,

    /// <summary>A document of a kind that is recognised but not read (a Word 6.0/95 file, a presentation, an Excel 97–2003 workbook).</summary>
    Unsupported,
}

/// <summary>An input the extractor refuses, with a message fit to show the organiser.</summary>
internal sealed class MeetingTextException : Exception
{
    public MeetingTextException()
    {
    }

    public MeetingTextException(string message)
        : base(message)
    {
    }

    public MeetingTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MeetingTextException(MeetingTextError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public MeetingTextError Error { get; }

    /// <summary>The kind of document refused, named as users know it ("Word (.doc)", "PDF"); null when not a document.</summary>
    public string? Document { get; init; }
}
