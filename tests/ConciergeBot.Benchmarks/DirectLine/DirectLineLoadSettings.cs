using System.Globalization;

namespace ConciergeBot.Benchmarks.DirectLine;

/// <summary>The options of the <c>directline</c> verb.</summary>
internal sealed record DirectLineLoadSettings(IReadOnlyList<int> Levels, TimeSpan Duration, TimeSpan WarmUp, TimeSpan HostWarmUp, bool CancelOnly = false)
{
    public const string Usage = """
          directline                   the real host in its own process, driven over Direct Line 3.0 (HTTP + WebSocket) by
                                       concurrent web visitors, each walking the reschedule dialog again and again
            --conversations 1,50,200   the load levels: concurrent conversations (default 1,50,200)
            --seconds S                measured time per level (default 20)
            --warmup S                 walking before the measurement starts, per level (default 3)
            --host-warmup S            at most this long walking before the first level, until the host's JIT compiler has
                                       settled (default 180; 0: no warm-up)
            --walk reschedule|cancel   what each conversation says (default reschedule); cancel: only "cancel", answered "nothing
                                       to cancel", which measures the channel and the turn pipeline with next to no dialog work
        """;

    public static bool TryParse(string[] args, out DirectLineLoadSettings settings, out string error)
    {
        settings = new DirectLineLoadSettings([1, 50, 200], TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(180));
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                error = $"'{args[i]}' is not an option, or it needs a value.";
                return false;
            }

            var (name, value) = (args[i], args[++i]);
            switch (name)
            {
                case "--conversations":
                    var levels = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 9999 ? n : 0)
                        .ToArray();
                    if (levels.Length == 0 || levels.Contains(0))
                    {
                        error = $"--conversations takes whole numbers from 1 to 9999 separated by commas, not '{value}'.";
                        return false;
                    }

                    settings = settings with { Levels = levels };
                    break;
                case "--seconds" or "--warmup" or "--host-warmup":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || (seconds == 0 && name == "--seconds"))
                    {
                        error = $"{name} needs a whole number of seconds, not '{value}'.";
                        return false;
                    }

                    settings = name switch
                    {
                        "--seconds" => settings with { Duration = TimeSpan.FromSeconds(seconds) },
                        "--warmup" => settings with { WarmUp = TimeSpan.FromSeconds(seconds) },
                        _ => settings with { HostWarmUp = TimeSpan.FromSeconds(seconds) },
                    };
                    break;
                case "--walk" when value is "reschedule" or "cancel":
                    settings = settings with { CancelOnly = value == "cancel" };
                    break;
                default:
                    error = $"Unknown option '{name}', or a value it does not take ('{value}').";
                    return false;
            }
        }

        return true;
    }
}
