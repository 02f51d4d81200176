using Microsoft.Extensions.Options;

namespace FollowUpBot.Assist;

internal static class AssistFeature
{
    /// <summary>
    /// The optional AI assist (<c>FollowUp:AI</c>, off by default): extraction suggestions on the review card and the reply
    /// assist for the status picker. With no endpoint configured nothing is built and no call is ever made.
    /// </summary>
    public static IHostApplicationBuilder AddAssist(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AssistOptions>().BindConfiguration(AssistOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AssistOptions>, AssistOptionsValidation>();
        services.AddSingleton(sp => new AssistCaller(
            AssistChatClient.Create(sp.GetRequiredService<IOptions<AssistOptions>>().Value),
            sp.GetRequiredService<IOptions<AssistOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AssistCaller>>()));
        services.AddSingleton<ExtractionAssistant>();
        services.AddSingleton<ReplyAssistant>();
        services.AddSingleton<ReviewAssist>();
        services.AddSingleton<PickerAssist>();
        return builder;
    }
}

internal sealed class AssistOptionsValidation : IValidateOptions<AssistOptions>
{
    public ValidateOptionsResult Validate(string? name, AssistOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
