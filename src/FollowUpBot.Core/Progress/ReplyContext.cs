namespace FollowUpBot.Progress;

/// <summary>
/// What the parser needs to know besides the text.
/// </summary>
/// <param name="Today">Today in the sender's (or the meeting's) time zone; year-less dates are read against it.</param>
/// <param name="OpenItems">
/// The item numbers the sender may report on, or null when unknown. A number outside it is refused
/// (the reply becomes ambiguous); exactly one open item is the item of a reply that names none.
/// </param>
/// <param name="DefaultItem">
/// The item a reply without a number is about, e.g. the single item named by the reminder the sender
/// answered in its thread; null when there is none.
/// </param>
internal sealed record ReplyContext(DateOnly Today, IReadOnlyCollection<int>? OpenItems = null, int? DefaultItem = null);
