using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ConciergeBot.Tests.WebChat;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConciergeBot.Tests.Agents;

/// <summary>
/// The console in headless Chromium beside a customer in Web Chat, each in a browser context of their
/// own, on a host of their own (its clock starts on a staffed Tuesday morning).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("needs", "directline")]
public sealed class AgentConsoleBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebChatHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await WebChatHost.StartAsync(TestAgents.HostSettings());
        await TestAgents.CreateAsync(_host.BaseAddress, "sari", "Sari");
        await TestAgents.CreateAsync(_host.BaseAddress, "maya", "Maya", "supervisor");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_agent_takes_a_customer_from_the_live_queue_talks_with_them_in_Web_Chat_and_hands_back_to_the_bot()
    {
        await using var agentContext = await browser.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        var agentErrors = PageConsole.Watch(agent);
        await SignInAsync(agent, "sari");
        await Expect(agent.Locator("#show-desk")).ToBeHiddenAsync();
        await Expect(agent.Locator("#queue-empty")).ToBeVisibleAsync();
        await agent.Locator("#presence").ClickAsync();
        await Expect(agent.Locator("#presence")).ToHaveTextAsync("Available");

        await using var customerContext = await browser.NewContextAsync();
        var customer = await customerContext.NewPageAsync();
        var customerErrors = PageConsole.Watch(customer);
        await AskForAPersonAsync(customer);

        // No reload: the hub tells the console that the queue changed.
        var waiting = agent.Locator("#queue .case-item");
        await Expect(waiting).ToHaveCountAsync(1);
        await Expect(waiting).ToContainTextAsync("customer asked");
        await Expect(waiting).ToContainTextAsync("webchat");
        await waiting.ClickAsync();
        await Expect(agent.Locator("#case-summary")).ToContainTextAsync("I want to talk to a person");
        await Expect(agent.Locator("#transcript .from-customer", new() { HasTextString = "I want to talk to a person" })).ToBeVisibleAsync();
        await agent.Locator("#claim").ClickAsync();
        await Expect(agent.Locator("#case-meta")).ToContainTextAsync("With you");
        await Expect(agent.Locator("#queue .case-item")).ToHaveCountAsync(0);
        await Expect(agent.Locator("#mine .case-item")).ToHaveCountAsync(1);
        await Expect(Transcript.BotSays(customer, "^Hi, this is Sari from Bengkel Maju Jaya").First).ToBeVisibleAsync();

        var composer = agent.Locator("#composer-text");
        await Expect(composer).ToBeFocusedAsync();
        await composer.FillAsync("Hello, Sari here. How can I help?");
        await composer.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("");
        await Expect(Transcript.BotSays(customer, "^Hello, Sari here\\. How can I help\\?").First).ToBeVisibleAsync();

        var sendBox = customer.Locator(Transcript.SendBox);
        await sendBox.FillAsync("It is about my car's brakes");
        await sendBox.PressAsync("Enter");
        await Expect(agent.Locator("#transcript .from-customer", new() { HasTextString = "It is about my car's brakes" })).ToBeVisibleAsync();

        await agent.GetByLabel("Internal note").CheckAsync();
        await composer.FillAsync("Brakes: offer the Thursday slot");
        await composer.PressAsync("Enter");
        await Expect(agent.Locator("#transcript .from-note")).ToContainTextAsync("Brakes: offer the Thursday slot");

        await agent.Locator("#hand-back").ClickAsync();
        await Expect(agent.Locator("#flash")).ToContainTextAsync("Handed back");
        await Expect(agent.Locator("#mine .case-item")).ToHaveCountAsync(0);
        await Expect(agent.Locator("#case-meta")).ToContainTextAsync("Back with the bot");
        await Expect(Transcript.BotSays(customer, "^Sari has handed you back to the assistant").First).ToBeVisibleAsync();
        await Transcript.SendAsync(customer, "I'd like to reschedule");
        await Expect(Transcript.BotSays(customer, "booking reference").First).ToBeVisibleAsync();
        await Expect(Transcript.BotSays(customer, "Thursday slot")).ToHaveCountAsync(0);

        Assert.Empty(agentErrors.Errors);
        Assert.Empty(customerErrors.Errors);
    }

    [Fact]
    public async Task A_supervisor_watches_the_desk_and_is_told_when_another_agent_claimed_first()
    {
        using var sari = await TestAgents.SignInAsync(_host.BaseAddress, "sari");
        (await sari.PutAsJsonAsync("/api/agent/me/presence", new { presence = "available" })).EnsureSuccessStatusCode();
        await using var supervisorContext = await browser.NewContextAsync();
        var supervisor = await supervisorContext.NewPageAsync();
        var supervisorErrors = PageConsole.Watch(supervisor);
        await SignInAsync(supervisor, "maya");
        await supervisor.Locator("#presence").ClickAsync();
        await Expect(supervisor.Locator("#presence")).ToHaveTextAsync("Available");

        await using var customerContext = await browser.NewContextAsync();
        await AskForAPersonAsync(await customerContext.NewPageAsync());

        await supervisor.Locator("#show-desk").ClickAsync();
        await Expect(supervisor.Locator("#desk-queue tr")).ToContainTextAsync("Customer on webchat");
        await Expect(supervisor.Locator("#desk-figures")).ToContainTextAsync("Staffed now");
        await Expect(supervisor.Locator("#desk-agents tr", new() { HasTextString = "Sari" })).ToContainTextAsync("available, online");

        // Sari's claim lands just before the supervisor's: the console explains the conflict instead of failing silently.
        await supervisor.RouteAsync("**/claim", async route =>
        {
            (await sari.PostAsync(new Uri(route.Request.Url).PathAndQuery, null)).EnsureSuccessStatusCode();
            await route.ContinueAsync();
        });
        await supervisor.Locator("#desk-queue button").ClickAsync();
        await supervisor.Locator("#claim").ClickAsync();

        await Expect(supervisor.Locator("#flash")).ToContainTextAsync("Someone else has this conversation");
        await Expect(supervisor.Locator("#case-meta")).ToContainTextAsync("With sari");
        await Expect(supervisor.Locator("#claim")).ToBeHiddenAsync();
        await supervisor.Locator("#show-desk").ClickAsync();
        await Expect(supervisor.Locator("#desk-agents tr", new() { HasTextString = "Sari" })).ToContainTextAsync("1 of 3");

        // A supervisor may close a conversation that another agent has.
        await supervisor.Locator("#desk-agents button").ClickAsync();
        await supervisor.Locator("#resolve").ClickAsync();
        await supervisor.Locator("#resolve-outcome").FillAsync("Answered");
        await supervisor.Locator("#resolve-outcome").PressAsync("Enter");
        await Expect(supervisor.Locator("#flash")).ToContainTextAsync("Resolved");
        await Expect(supervisor.Locator("#case-holder")).ToContainTextAsync("Answered");
        await Expect(supervisor.Locator("#composer")).ToBeHiddenAsync();
        // The browser reports the refused claim (409) itself; nothing else may go wrong.
        Assert.DoesNotContain(supervisorErrors.Errors, error => !error.Contains("409", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agent_passes_a_conversation_to_a_named_colleague()
    {
        await using var agentContext = await browser.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await SignInAsync(agent, "sari");
        await agent.Locator("#presence").ClickAsync();
        await Expect(agent.Locator("#presence")).ToHaveTextAsync("Available");
        await using var customerContext = await browser.NewContextAsync();
        await AskForAPersonAsync(await customerContext.NewPageAsync());
        await agent.Locator("#queue .case-item").ClickAsync();
        await agent.Keyboard.PressAsync("Alt+c");
        await Expect(agent.Locator("#case-meta")).ToContainTextAsync("With you");

        await agent.Locator("#transfer").ClickAsync();
        await agent.Locator("#transfer-agent").SelectOptionAsync("maya");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();

        await Expect(agent.Locator("#transfer-dialog")).ToBeHiddenAsync();
        await Expect(agent.Locator("#case-meta")).ToContainTextAsync("With maya");
        await Expect(agent.Locator("#mine .case-item")).ToHaveCountAsync(0);
        await Expect(agent.Locator("#transcript .event", new() { HasTextString = "Sari passed the conversation to Maya." })).ToBeVisibleAsync();
        using var maya = await TestAgents.SignInAsync(_host.BaseAddress, "maya");
        Assert.Contains("\"agent\":\"maya\"", await maya.GetStringAsync("/api/agent/cases"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_records_the_fix_of_a_problem_report_and_the_customer_is_told_in_Web_Chat()
    {
        await using var agentContext = await browser.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        var agentErrors = PageConsole.Watch(agent);
        await SignInAsync(agent, "sari");
        await agent.Locator("#presence").ClickAsync();
        await Expect(agent.Locator("#presence")).ToHaveTextAsync("Available");

        await using var customerContext = await browser.NewContextAsync();
        var customer = await customerContext.NewPageAsync();
        await customer.GotoAsync(_host.Url("/").ToString());
        await Expect(Transcript.BotSays(customer, "^Hi! I'm the virtual assistant of Bengkel Maju Jaya").First).ToBeVisibleAsync();
        await Transcript.SendAsync(customer, "my car door was scratched after the service");
        await Expect(Transcript.BotSays(customer, "^Photos help our team").First).ToBeVisibleAsync();
        await Transcript.SuggestedAction(customer, "Skip").ClickAsync();
        await Expect(Transcript.BotSays(customer, "I've opened report TKT-").First).ToBeVisibleAsync();

        await agent.Locator("#queue .case-item").ClickAsync();
        var ticket = agent.Locator("#ticket-list .ticket");
        await Expect(ticket).ToContainTextAsync("damage");
        await Expect(ticket).ToContainTextAsync("my car door was scratched after the service");
        await agent.Locator("#claim").ClickAsync();
        await Expect(agent.Locator("#case-meta")).ToContainTextAsync("With you");
        await ticket.GetByLabel("What was done (the customer is told)").FillAsync("We repainted the door at no cost to you.");
        await ticket.GetByLabel("Status").SelectOptionAsync("resolved");
        await ticket.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Expect(agent.Locator("#flash")).ToContainTextAsync("the customer is told on their channel");
        await Expect(ticket).ToContainTextAsync("Done: We repainted the door at no cost to you.");
        await Expect(ticket).ToContainTextAsync("resolved");
        await Expect(Transcript.BotSays(customer, "We repainted the door at no cost to you\\.").First).ToBeVisibleAsync();
        Assert.Empty(agentErrors.Errors);
    }

    private async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(_host.Url("/agent").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/agent/login"));
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(TestAgents.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(_host.Url("/agent").ToString());
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
    }

    private async Task AskForAPersonAsync(IPage customer)
    {
        await customer.GotoAsync(_host.Url("/").ToString());
        await Expect(Transcript.BotSays(customer, "^Hi! I'm the virtual assistant of Bengkel Maju Jaya").First).ToBeVisibleAsync();
        await Transcript.SendAsync(customer, "I want to talk to a person");
        await Expect(Transcript.BotSays(customer, "passed your conversation to our team").First).ToBeVisibleAsync();
    }
}
