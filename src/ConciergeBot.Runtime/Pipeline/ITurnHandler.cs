namespace ConciergeBot.Pipeline;

/// <summary>The bot's logic for one turn; the pipeline around it takes care of storage, ordering and delivery.</summary>
public interface ITurnHandler
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
