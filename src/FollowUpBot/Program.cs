using FollowUpBot.Health;
using FollowUpBot.Storage;
using FollowUpBot.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddTelemetry();
builder.AddLedgerStorage();
builder.AddHealth();

var app = builder.Build();

app.MapHealth();

app.Run();

/// <summary>The web app's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
