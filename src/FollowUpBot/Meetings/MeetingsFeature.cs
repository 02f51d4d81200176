using FollowUpBot.Teams;

namespace FollowUpBot.Meetings;

internal static class MeetingsFeature
{
    /// <summary>The organiser flow (import, review, publish) and the department checklists (refresh, report).</summary>
    public static IHostApplicationBuilder AddMeetings(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpClient(ImportCommand.FileDownloadClient, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton<IDirectiveReader, RuleDirectiveReader>();
        services.AddTransient<MeetingImporter>();
        services.AddTransient<ReviewCardFactory>();
        services.AddTransient<MeetingPublisher>();
        services.AddTransient<ChecklistDelivery>();
        services.AddSingleton<PendingDeliveryStore>();
        services.AddSingleton<DeliveryRetries>();
        services.AddTransient<IConversationEventHandler, PendingDeliveryRelease>();
        services.AddTransient<DepartmentAccess>();
        services.AddTransient<IMessageHandler, ImportCommand>();
        services.AddTransient<ICardActionHandler, ImportSubmitAction>();
        services.AddTransient<ICardActionHandler, ReviewActions>();
        services.AddTransient<ICardActionHandler, ChecklistRefreshAction>();
        return builder;
    }
}
