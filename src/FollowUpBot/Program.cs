using FollowUpBot.Help;
using FollowUpBot.Storage;
using FollowUpBot.Teams;

var builder = WebApplication.CreateBuilder(args);

builder.AddLedgerStorage();
builder.AddTeamsProtocol();
builder.AddHelp();

var app = builder.Build();

app.MapTeamsProtocol();

app.Run();

/// <summary>The web app's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
