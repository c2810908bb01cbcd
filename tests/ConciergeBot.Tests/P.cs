namespace ConciergeBot.Tests; public class P { [Fact] public void T() { } }
