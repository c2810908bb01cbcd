namespace ConciergeBot.Language;

/// <summary>What a customer wants, in the few words the first-line bot needs to route a message.</summary>
public enum Intent
{
    None,
    Greeting,
    Reschedule,
    ReportProblem,
    Human,
    Cancel,
    Help,
}

/// <summary>
/// Keyword intents in English and Indonesian, informal spellings included. Interruptions (cancel,
/// help, a person) must be the point of the message, not a word inside a longer one, so
/// "the mechanic didn't help" is not a call for help.
/// </summary>
public static class IntentRecognizer
{
    public static IReadOnlyDictionary<Intent, string[]> Phrases { get; } = new Dictionary<Intent, string[]>
    {
        [Intent.Human] =
        [
            "talk to a person", "talk to someone", "talk to a human", "speak to a person", "speak to someone", "real person", "human", "agent",
            "customer service", "operator", "person", "staff", "bicara dengan petugas", "bicara sama orang", "ngomong sama orang", "mau ngobrol sama orang",
            "petugas", "orang", "manusia", "cs", "admin", "agen", "operator", "hubungi cs", "sambungkan ke cs", "minta cs",
        ],
        [Intent.Cancel] = ["cancel", "stop", "never mind", "nevermind", "forget it", "quit", "batal", "batalkan", "gak jadi", "ga jadi", "nggak jadi", "tidak jadi", "udahan", "sudahlah"],
        [Intent.Help] = ["help", "what can you do", "menu", "bantuan", "tolong", "bantu", "bisa apa", "bisa bantu apa"],
        [Intent.Reschedule] =
        [
            "reschedule", "re-schedule", "rescedule", "change my appointment", "change appointment", "move my appointment", "move appointment", "change the time",
            "another time", "different time", "ubah jadwal", "ganti jadwal", "ganti jam", "pindah jadwal", "pindah jam", "atur ulang jadwal", "jadwal ulang",
            "undur", "majukan", "mundurkan", "jadwal",
        ],
        [Intent.ReportProblem] =
        [
            "report a problem", "problem", "issue", "complaint", "complain", "not happy", "unhappy", "broken", "damaged", "went wrong",
            "lapor", "laporkan", "laporan", "masalah", "keluhan", "komplain", "kecewa", "rusak", "tidak puas", "gak puas", "nggak puas",
        ],
        [Intent.Greeting] =
        [
            "hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening", "halo", "hallo", "hai", "helo", "hei", "pagi",
            "siang", "sore", "malam", "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "permisi", "assalamualaikum", "p",
        ],
    };

    private static readonly Intent[] Interruptions = [Intent.Human, Intent.Cancel, Intent.Help];

    public static Intent Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return Intent.None;
        }

        var words = normalized.Split(' ').Length;
        foreach (var intent in Interruptions)
        {
            var phrases = Phrases[intent];
            if (phrases.Any(p => normalized == TextNormalizer.Normalize(p))
                || (words <= 6 && phrases.Any(p => p.Contains(' ', StringComparison.Ordinal) && TextNormalizer.ContainsPhrase(normalized, p))))
            {
                return intent;
            }
        }

        foreach (var intent in (Intent[])[Intent.Reschedule, Intent.ReportProblem])
        {
            if (Phrases[intent].Any(p => TextNormalizer.ContainsPhrase(normalized, p)))
            {
                return intent;
            }
        }

        if (Phrases[Intent.Human].Any(p => p.Contains(' ', StringComparison.Ordinal) && TextNormalizer.ContainsPhrase(normalized, p)))
        {
            return Intent.Human;
        }

        return IsOnlyGreeting(normalized) ? Intent.Greeting : Intent.None;
    }

    private static readonly HashSet<string> GreetingWords = new(
        Phrases[Intent.Greeting].SelectMany(p => p.Split(' '))
            .Concat(["kak", "kakak", "min", "admin", "gan", "sis", "pak", "bu", "mas", "mbak", "there", "all", "everyone", "team"]),
        StringComparer.Ordinal);

    /// <summary>"selamat pagi kak" is a greeting; "besok jam 3 sore" is not, though "sore" greets too.</summary>
    private static bool IsOnlyGreeting(string normalized)
    {
        var words = normalized.Split(' ');
        return words.Length <= 4 && words.All(GreetingWords.Contains) && Phrases[Intent.Greeting].Any(p => TextNormalizer.ContainsPhrase(normalized, p));
    }
}
