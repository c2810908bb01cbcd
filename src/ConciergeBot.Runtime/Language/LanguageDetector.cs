namespace ConciergeBot.Language;

/// <summary>
/// Which of our languages a message is written in, from words common in one and rare in the other.
/// Mixed messages ("kak aku mau reschedule dong") lean to Indonesian, as their writers do.
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> Indonesian = new(StringComparer.Ordinal)
    {
        "halo", "hai", "selamat", "pagi", "siang", "sore", "malam", "terima", "kasih", "makasih", "trims", "tolong", "mohon",
        "saya", "aku", "gue", "gw", "kak", "kakak", "mas", "mbak", "pak", "bu", "bapak", "ibu", "min", "sis", "gan",
        "mau", "ingin", "bisa", "boleh", "tidak", "gak", "ga", "nggak", "enggak", "tdk", "sudah", "udah", "belum", "blm",
        "ya", "iya", "dong", "deh", "sih", "nih", "aja", "saja", "kok", "lho", "yuk", "dan", "atau", "yang", "untuk", "dengan",
        "ini", "itu", "ada", "apa", "gimana", "bagaimana", "kapan", "dimana", "berapa", "jadwal", "janji", "besok", "lusa", "hari",
        "minggu", "bulan", "jam", "pukul", "ubah", "ganti", "pindah", "batal", "bantuan", "masalah", "keluhan", "orang", "petugas",
        "bicara", "ngomong", "sama", "dengan", "tanya", "pesan", "bengkel", "servis", "lagi", "nanti", "sekarang", "tanggal", "tgl",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "good", "morning", "afternoon", "evening", "thanks", "thank", "you", "please", "pls",
        "i", "i'm", "im", "my", "me", "we", "our", "want", "would", "like", "could", "can", "cannot", "can't", "need", "not", "don't", "dont",
        "the", "a", "an", "to", "of", "and", "or", "with", "for", "is", "are", "was", "be", "it", "this", "that", "what", "how", "when",
        "where", "appointment", "booking", "tomorrow", "today", "next", "week", "change", "move", "cancel", "help", "problem",
        "issue", "complaint", "person", "human", "agent", "talk", "speak", "someone", "time", "date", "yes", "no",
    };

    /// <summary>The language the message is most likely in, or null when it does not say (e.g. "ok", "2", "👍").</summary>
    public static string? Detect(string? text)
    {
        var words = TextNormalizer.Words(text);
        var id = words.Count(Indonesian.Contains);
        var en = words.Count(English.Contains);
        if (id == 0 && en == 0)
        {
            return null;
        }

        return id >= en ? Localization.Languages.Indonesian : Localization.Languages.English;
    }
}
