using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Localization;

namespace FollowUpBot.Meetings;

/// <summary>The card that answers <c>import</c> / <c>导入</c>: the meeting text, its title, date and time zone.</summary>
internal static class ImportCard
{
    public const string SubmitVerb = "import.submit";

    /// <summary>Time zones offered; any IANA id typed into a card is accepted too.</summary>
    private static readonly string[] Zones = ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC"];

    public static AdaptiveCard Build(UiLocale locale, DateOnly today, string timeZone)
    {
        string T(string key) => Texts.Get(locale, key);
        var zones = Zones.Contains(timeZone, StringComparer.Ordinal) ? Zones : [timeZone, .. Zones];
        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = T("import.title"),
            Body =
            [
                new TextBlock(T("import.title")) { Size = "medium", Weight = "bolder" },
                new TextBlock(T("import.intro")) { IsSubtle = true },
                new InputText { Id = "title", Label = T("import.meetingTitle"), MaxLength = 200 },
                new InputDate { Id = "date", Label = T("import.meetingDate"), Value = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                new InputChoiceSet([.. zones.Select(z => new Choice(z, z))]) { Id = "timeZone", Label = T("import.timeZone"), Style = "compact", Value = timeZone },
                new InputText { Id = "text", Label = T("import.textLabel"), IsMultiline = true, IsRequired = true, ErrorMessage = T("import.empty") },
            ],
            Actions =
            [
                new ActionExecute
                {
                    Title = T("import.submit"),
                    Verb = SubmitVerb,
                    Data = CardJson.Data(("verb", SubmitVerb)),
                    Style = "positive",
                    Fallback = new ActionSubmit { Title = T("import.submit"), Data = CardJson.Data(("verb", SubmitVerb)) },
                },
            ],
        };
    }
}
