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

/// <summary>At start, brings <c>directory/departments.json</c> in line with <c>FollowUp:DirectoryPath</c> (learned aliases kept).</summary>
internal sealed partial class DirectorySeeder(IOptions<FollowUpOptions> options, IHostEnvironment environment, DirectoryStore directory, ILogger<DirectorySeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.DirectoryPath))
        {
            return;
        }

        var path = Path.GetFullPath(options.Value.DirectoryPath, environment.ContentRootPath);
        try
        {
            var file = await DepartmentDirectory.LoadAsync(path, stoppingToken).ConfigureAwait(false);
            await directory.SeedAsync(file, stoppingToken).ConfigureAwait(false);
            LogSeeded(logger, file.Departments.Count, path);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bad file or a storage outage at start must not stop the bot; the stored directory stays as it was.
            LogSeedFailed(logger, path, e);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Seeded the department directory with {Count} departments from {Path}.")]
    private static partial void LogSeeded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Could not seed the department directory from {Path}.")]
    private static partial void LogSeedFailed(ILogger logger, string path, Exception exception);
}
