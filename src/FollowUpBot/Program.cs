using FollowUpBot.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddLedgerStorage();

var app = builder.Build();

app.Run();

/// <summary>The web app's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
