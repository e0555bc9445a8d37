using System.Globalization;

namespace BackendArchitect.Reports;

/// <summary>Counted nouns for human-readable reports: "1 service", "2 services", "1,234 lines".</summary>
public static class Counts
{
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
