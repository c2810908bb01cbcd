using ConciergeBot.Admin;
using ConciergeBot.Agents;
using ConciergeBot.Channels.DirectLine;
using ConciergeBot.Channels.Twilio;
using ConciergeBot.Channels.Telegram;
using ConciergeBot.CheckIns;
using ConciergeBot.Channels.WhatsAppCloud;
using ConciergeBot.Chat;
using ConciergeBot.Health;
using ConciergeBot.Hosting;
using ConciergeBot.Nlu;
using ConciergeBot.Operations;
using ConciergeBot.Tickets;
using ConciergeBot.WebChat;

switch (args)
{
    case ["chat", ..]:
        return await TerminalChat.RunAsync(args[1..]);
    case ["failures", ..]:
        return await FailuresCommand.RunAsync(args[1..]);
    case ["nlu", ..]:
        return await NluCommand.RunAsync(args[1..]);
    case ["nlu-eval", ..]:
        return await NluEvalCommand.RunAsync(args[1..]);
    case ["agents", ..]:
        return await AgentsCommand.RunAsync(args[1..]);
    case ["telegram", ..]:
        return await TelegramCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddConcierge();
builder.Services.AddAdminApi();
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddTwilio(builder.Configuration);
builder.Services.AddTelegram(builder.Configuration);
builder.Services.AddWhatsAppCloud(builder.Configuration);
builder.Services.AddWebChat(builder.Configuration);
builder.Services.AddAgentConsole();
builder.Services.AddSingleton<TicketHotSpots>();
builder.Services.AddCheckInJobs();

var app = builder.Build();
app.UseStatusCodePages();
app.UseWebSockets();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapNlu();
app.MapAdminApi();
app.MapDirectLine();
app.MapTwilio();
app.MapTelegram();
app.MapWhatsAppCloud();
app.MapOpenApi();
app.MapWebChat();
app.MapAgentConsole();
app.MapTicketApi();
app.MapCheckInJobs();
await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
