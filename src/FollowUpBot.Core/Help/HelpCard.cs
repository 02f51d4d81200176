using FollowUpBot.Cards;
using FollowUpBot.Localization;

namespace FollowUpBot.Help;

/// <summary>The card that answers <c>help</c> / <c>帮助</c> and any message nobody else takes.</summary>
internal static class HelpCard
{
    public static AdaptiveCard Build(UiLocale locale)
    {
        string T(string key) => Texts.Get(locale, key);
        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = T("help.title"),
            Body =
            [
                new TextBlock(T("help.title")) { Size = "large", Weight = "bolder" },
                new TextBlock(T("help.intro")),
                new TextBlock(T("help.organisers")) { Weight = "bolder", Spacing = "medium" },
                new TextBlock("• " + T("help.cmd.import")),
                new TextBlock("• " + T("help.cmd.summary")),
                new TextBlock("• " + T("help.cmd.directory")),
                new TextBlock(T("help.departments")) { Weight = "bolder", Spacing = "medium" },
                new TextBlock("• " + T("help.cmd.mytasks")),
                new TextBlock("• " + T("help.cmd.report")),
                new TextBlock(T("help.cmd.help")) { IsSubtle = true, Spacing = "medium" },
            ],
        };
    }

    /// <summary>An Action.Execute whose verb also rides in its data, so the Action.Submit fallback of older clients routes the same way.</summary>
    public static ActionExecute Button(string title, string verb) => CardActions.Execute(title, verb);

    /// <summary>True for the words that ask for help, in either language.</summary>
    public static bool IsHelpCommand(string text) =>
        text.Trim().TrimEnd('?', '？', '!', '！', '.', '。').ToLowerInvariant() is "help" or "帮助" or "?" or "？" or "/help" or "menu" or "菜单" or "使用说明" or "";
}
