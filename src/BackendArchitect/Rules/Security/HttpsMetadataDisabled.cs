using BackendArchitect.Findings;

namespace BackendArchitect.Rules.Security;

/// <summary>SEC026: JwtBearer or OpenID Connect fetching the authority's metadata and signing keys over plain HTTP.</summary>
public sealed class HttpsMetadataDisabled : ISyntaxRule
{
    public RuleMetadata Metadata { get; } = new(
        "SEC026",
        "https-metadata-disabled",
        "security",
        Severity.Warning,
        "RequireHttpsMetadata = false outside development: the identity provider's metadata and signing keys may be fetched over plain HTTP.",
        "JwtBearer and OpenID Connect download the authority's discovery document and its signing keys (JWKS) and trust every token "
            + "those keys verify. With RequireHttpsMetadata = false that download may go over plain HTTP, so anyone on the network path "
            + "can answer with their own keys and then sign tokens the service accepts. It is meant for a local identity server during "
            + "development; assignments under IsDevelopment() or DEBUG, and values computed at run time (such as the environment), are "
            + "left out.",
        "builder.Services.AddAuthentication().AddJwtBearer(o =>\n{\n    o.Authority = \"http://identity:8080\";\n    o.RequireHttpsMetadata = false;\n});",
        "builder.Services.AddAuthentication().AddJwtBearer(o =>\n{\n    o.Authority = builder.Configuration[\"Auth:Authority\"]; // https://...\n    o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();\n});",
        [
            "https://learn.microsoft.com/dotnet/api/microsoft.aspnetcore.authentication.jwtbearer.jwtbeareroptions.requirehttpsmetadata",
            "https://learn.microsoft.com/aspnet/core/security/authentication/configure-jwt-bearer-authentication",
            "https://owasp.org/Top10/A02_2021-Cryptographic_Failures/",
        ],
        ["CWE-319", "CWE-295", "OWASP-A02:2021"])
    {
        Applicability = RuleApplicability.CSharp,
    };

    public IEnumerable<Finding> Check(SyntaxReviewContext context)
    {
        foreach (var document in context.Corpus.Documents)
        {
            if (!document.File.Text.Contains("RequireHttpsMetadata", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (assignment, member) in SettingAssignments.In(document.Root))
            {
                if (member == "RequireHttpsMetadata" && SettingAssignments.IsFalse(assignment.Right) && !DevelopmentOnly.Runs(assignment))
                {
                    yield return Finding.At(
                        Metadata,
                        document.LocationOf(assignment),
                        "RequireHttpsMetadata = false: the authority's metadata and signing keys may be fetched over plain HTTP, and whoever answers that request can issue tokens this service accepts.",
                        "Serve the authority over HTTPS and remove the line, or set it from the environment: RequireHttpsMetadata = !builder.Environment.IsDevelopment().");
                }
            }
        }
    }
}
