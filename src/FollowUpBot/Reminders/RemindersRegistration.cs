using FollowUpBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Reminders;

internal static class RemindersRegistration
{
    /// <summary>
    /// Reminders on a schedule: the scheduler (leader only) and the sender (every instance), the queue between
    /// them (Azure Storage queue with Azure storage, else in-process), the pacer, and the registration through which
    /// the sending instances share the tenant's send budget.
    /// </summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptionsValidation>();
        services.AddSingleton<IReminderQueue>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return storage.UsesAzure
                ? AzureReminderQueue.Create(storage, sp.GetRequiredService<IOptions<RemindersOptions>>().Value.QueueVisibilityTimeout, time)
                : new ChannelReminderQueue(time);
        });
        services.AddSingleton(sp => new SenderRoster(
            sp.GetRequiredService<IBlobStore>(),
            sp.GetRequiredService<IOptions<RemindersOptions>>().Value.GlobalPerSecond,
            sp.GetRequiredService<IOptions<RemindersOptions>>().Value.SenderHeartbeat,
            sp.GetRequiredService<TimeProvider>(),
            $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}"));
        services.AddSingleton<SendBudget>();
        services.AddSingleton<ReminderPacer>();
        // No resilience handler: the sender's pacer and queue decide when a refused send is tried again.
        services.AddTransient<SendBudgetHandler>();
        services.AddHttpClient(ReminderMessengers.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<SendBudgetHandler>();
        services.AddSingleton<ReminderMessengers>();
        // Registered before the sender, so it stops after it: sends under way keep their share to the end.
        services.AddHostedService<SenderRosterService>();
        services.AddHostedService<ReminderScheduler>();
        services.AddHostedService<ReminderSender>();
        return builder;
    }
}
