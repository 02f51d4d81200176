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
}
