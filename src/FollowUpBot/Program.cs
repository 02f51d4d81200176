using FollowUpBot.Assist;
using FollowUpBot.Bulletins;
using FollowUpBot.Dashboard;
using FollowUpBot.FollowUp;
using FollowUpBot.Graph;
using FollowUpBot.Health;
using FollowUpBot.Help;
using FollowUpBot.Legal;
using FollowUpBot.Meetings;
using FollowUpBot.Progress;
using FollowUpBot.Reminders;
using FollowUpBot.Storage;
using FollowUpBot.Summaries;
using FollowUpBot.Teams;
using FollowUpBot.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddTelemetry();
builder.AddLedgerStorage();
builder.AddHealth();
builder.AddTeamsProtocol();
builder.AddFollowUp();
builder.AddGraph();
builder.AddAssist();
builder.AddMeetings();
builder.AddProgress();
builder.AddHelp();
builder.AddSummaries();
builder.AddDashboard();
builder.AddReminders();
builder.AddBulletins();

var app = builder.Build();

app.MapHealth();
app.MapTeamsProtocol();
app.MapLedgerExport();
app.MapDashboard();
app.MapLegalPages();
app.MapBulletins();

app.Run();

/// <summary>The web app's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
