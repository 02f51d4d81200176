using FollowUpBot.Departments;
using FollowUpBot.Directives;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpBot.FollowUp;

/// <summary>The follow-up domain shared by the features: options, organisers, the department directory, the calendar, background work.</summary>
internal static class FollowUpRegistration
{
    public static IHostApplicationBuilder AddFollowUp(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidation>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FollowUpOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return string.IsNullOrWhiteSpace(options.CalendarPath)
                ? WorkingCalendar.Default
                : WorkingCalendar.Parse(File.ReadAllText(Path.GetFullPath(options.CalendarPath, environment.ContentRootPath)));
        });
        services.AddSingleton<BackgroundWorkQueue>();
        services.AddHostedService<BackgroundWorkService>();
        services.AddHostedService<DirectorySeeder>();
        return builder;
    }
}

/// <summary>
/// At start, brings <c>directory/departments.json</c> in line with <c>FollowUp:DirectoryPath</c> (learned aliases kept).
/// It runs before the app takes requests (a hosted service's start is awaited before the server listens): a contact's
/// report arriving in the first seconds after a first deployment would otherwise meet an empty directory and be refused
/// as "not your department". A storage outage or a bad file must not stop the bot: after <see cref="StartLimit"/> or an
/// error it starts with the stored directory as it was.
/// </summary>
internal sealed partial class DirectorySeeder(IOptions<FollowUpOptions> options, IHostEnvironment environment, DirectoryStore directory, ILogger<DirectorySeeder> logger) : IHostedService
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.DirectoryPath))
        {
            return;
        }

        var path = Path.GetFullPath(options.Value.DirectoryPath, environment.ContentRootPath);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        try
        {
            var file = await DepartmentDirectory.LoadAsync(path, limit.Token).ConfigureAwait(false);
            await directory.SeedAsync(file, limit.Token).ConfigureAwait(false);
            LogSeeded(logger, file.Departments.Count, path);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSeedFailed(logger, path, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Seeded the department directory with {Count} departments from {Path}.")]
    private static partial void LogSeeded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Could not seed the department directory from {Path}.")]
    private static partial void LogSeedFailed(ILogger logger, string path, Exception exception);
}
