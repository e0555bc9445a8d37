using System.Collections.Frozen;
using BackendArchitect.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.CSharp.Wiring;

/// <summary>
/// Authentication schemes: the handlers added on an <c>AuthenticationBuilder</c> (JwtBearer, Cookie,
/// OpenIdConnect, Microsoft.Identity.Web, custom <c>AddScheme&lt;TOptions, THandler&gt;</c>...) with
/// the scheme name each registers, defaulted the way each handler defaults it.
/// </summary>
internal static class AuthenticationSchemes
{
    /// <summary>Handler and default scheme name per method; a null default means the name argument is required.</summary>
    private static readonly FrozenDictionary<string, (string Handler, string? DefaultName)> Known = new Dictionary<string, (string, string?)>
    {
        ["AddJwtBearer"] = ("JwtBearer", "Bearer"),
        ["AddCookie"] = ("Cookie", "Cookies"),
        ["AddOpenIdConnect"] = ("OpenIdConnect", "OpenIdConnect"),
        ["AddMicrosoftIdentityWebApi"] = ("MicrosoftIdentityWebApi", "Bearer"),
        ["AddMicrosoftIdentityWebApp"] = ("MicrosoftIdentityWebApp", "OpenIdConnect"),
        ["AddNegotiate"] = ("Negotiate", "Negotiate"),
        ["AddCertificate"] = ("Certificate", "Certificate"),
        ["AddBearerToken"] = ("BearerToken", "BearerToken"),
        ["AddGoogle"] = ("Google", "Google"),
        ["AddFacebook"] = ("Facebook", "Facebook"),
        ["AddMicrosoftAccount"] = ("MicrosoftAccount", "Microsoft"),
        ["AddTwitter"] = ("Twitter", "Twitter"),
        ["AddGitHub"] = ("GitHub", "GitHub"),
        ["AddWsFederation"] = ("WsFederation", "WsFederation"),
        ["AddIdentityServerAuthentication"] = ("IdentityServerAuthentication", "Bearer"),
        ["AddOAuth"] = ("OAuth", null),
        ["AddPolicyScheme"] = ("PolicyScheme", null),
        ["AddScheme"] = ("", null),
        ["AddRemoteScheme"] = ("", null),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The cookie schemes ASP.NET Core Identity registers.</summary>
    private static readonly string[] IdentityCookies = ["Identity.Application", "Identity.External", "Identity.TwoFactorRememberMe", "Identity.TwoFactorUserId"];

    /// <summary>Scheme-name constants of framework packages, which never resolve from source.</summary>
    private static readonly FrozenDictionary<string, string> KnownConstants = new Dictionary<string, string>
    {
        ["JwtBearerDefaults.AuthenticationScheme"] = "Bearer",
        ["CookieAuthenticationDefaults.AuthenticationScheme"] = "Cookies",
        ["OpenIdConnectDefaults.AuthenticationScheme"] = "OpenIdConnect",
        ["NegotiateDefaults.AuthenticationScheme"] = "Negotiate",
        ["CertificateAuthenticationDefaults.AuthenticationScheme"] = "Certificate",
        ["BearerTokenDefaults.AuthenticationScheme"] = "BearerToken",
        ["GoogleDefaults.AuthenticationScheme"] = "Google",
        ["FacebookDefaults.AuthenticationScheme"] = "Facebook",
        ["MicrosoftAccountDefaults.AuthenticationScheme"] = "Microsoft",
        ["WsFederationDefaults.AuthenticationScheme"] = "WsFederation",
        ["IdentityConstants.ApplicationScheme"] = "Identity.Application",
        ["IdentityConstants.ExternalScheme"] = "Identity.External",
        ["IdentityConstants.BearerScheme"] = "Identity.Bearer",
        ["IdentityConstants.TwoFactorRememberMeScheme"] = "Identity.TwoFactorRememberMe",
        ["IdentityConstants.TwoFactorUserIdScheme"] = "Identity.TwoFactorUserId",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Methods whose scheme name is an optional named parameter rather than the first argument.</summary>
    private static readonly FrozenDictionary<string, string> NameParameters = new Dictionary<string, string>
    {
        ["AddMicrosoftIdentityWebApi"] = "jwtBearerScheme",
        ["AddMicrosoftIdentityWebApp"] = "openIdConnectScheme",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AuthenticationChain = FrozenSet.ToFrozenSet(["AddAuthentication"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> AuthenticationBuilderTypes = FrozenSet.ToFrozenSet(["AuthenticationBuilder"], StringComparer.Ordinal);

    public static bool Read(DocumentWiring w, InvocationExpressionSyntax invocation, string name)
    {
        // ClaimsPrincipal.AddIdentity(identity) shares the name; Identity's registrations are generic.
        if (name is "AddIdentityCookies" || name is "AddIdentity" or "AddDefaultIdentity" or "AddIdentityApiEndpoints" && SyntaxHelpers.TypeArguments(invocation).Count > 0)
        {
            foreach (var cookie in IdentityCookies)
            {
                Add(w, invocation, cookie, "Cookie");
            }

            if (name == "AddIdentityApiEndpoints")
            {
                Add(w, invocation, "Identity.Bearer", "BearerToken");
            }

            return true;
        }

        if (Known.TryGetValue(name, out var known))
        {
            ReadKnown(w, invocation, name, known.Handler, known.DefaultName);
            return true;
        }

        if (w.SchemeExtensions.Deferred(name) is { Count: > 0 } deferred)
        {
            foreach (var d in deferred)
            {
                var argument = WiringSyntax.Named(invocation, d.ParameterName)
                    ?? WiringSyntax.Positional(invocation).ElementAtOrDefault(d.ParameterIndex);
                var scheme = (argument is null ? null : SchemeName(w, argument)) ?? (d.Default is null ? null : SchemeName(w, d.Default)) ?? d.Handler;
                Add(w, invocation, scheme, d.Handler);
            }

            return true;
        }

        // A handler from a package that is added on AddAuthentication(...): named after its method.
        if (w.MentionsAuthentication && name.StartsWith("Add", StringComparison.Ordinal) && name.Length > 3 && !w.SchemeExtensions.IsDeclared(name)
            && OnAuthenticationBuilder(invocation))
        {
            var handler = name[3..];
            var first = WiringSyntax.Positional(invocation).FirstOrDefault();
            Add(w, invocation, (first is null or AnonymousFunctionExpressionSyntax ? null : SchemeName(w, first)) ?? handler, handler);
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when only scheme-adding calls sit between this call and AddAuthentication (or an AuthenticationBuilder
    /// variable). After <c>.AddMicrosoftIdentityWebApi(...).EnableTokenAcquisitionToCallDownstreamApi()</c> the
    /// chain has left the AuthenticationBuilder, so <c>.AddInMemoryTokenCaches()</c> is no scheme.
    /// </summary>
    private static bool OnAuthenticationBuilder(InvocationExpressionSyntax invocation)
    {
        foreach (var call in WiringSyntax.ReceiverCalls(invocation))
        {
            var name = SyntaxHelpers.InvokedName(call);
            if (name == "AddAuthentication")
            {
                return true;
            }

            if (name is null || !name.StartsWith("Add", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return WiringSyntax.IsOnBuilder(invocation, AuthenticationChain, AuthenticationBuilderTypes);
    }

    private static void ReadKnown(DocumentWiring w, InvocationExpressionSyntax invocation, string method, string handler, string? defaultName)
    {
        if (handler.Length == 0)
        {
            var typeArgs = SyntaxHelpers.TypeArguments(invocation);
            handler = typeArgs.Count == 2 ? SyntaxHelpers.SimpleTypeName(typeArgs[1].ToString()) : "Custom";
        }

        var nameArgument = NameArgument(method, invocation);
        if (nameArgument is IdentifierNameSyntax parameter && IsParameterOfEnclosingMethod(parameter))
        {
            // A wrapper extension passes the scheme name through; its call sites report it.
            return;
        }

        var scheme = nameArgument is null ? defaultName : SchemeName(w, nameArgument);
        if (scheme is null)
        {
            w.Warn(invocation, $"authentication scheme name is not a constant ({nameArgument?.ToString() ?? "missing"}); listed by its text");
            scheme = nameArgument?.ToString() ?? handler;
        }

        Add(w, invocation, scheme, handler);
    }

    /// <summary>The argument that names the scheme, or null when the call leaves the default.</summary>
    public static ExpressionSyntax? NameArgument(string method, InvocationExpressionSyntax invocation) =>
        NameParameters.TryGetValue(method, out var parameter)
            ? WiringSyntax.Named(invocation, parameter)
            : WiringSyntax.Named(invocation, "authenticationScheme")
                ?? WiringSyntax.Positional(invocation).FirstOrDefault(a => a is not AnonymousFunctionExpressionSyntax);

    public static bool IsParameterOfEnclosingMethod(IdentifierNameSyntax identifier)
    {
        var method = identifier.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>();
        return method is not null
            && method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == identifier.Identifier.ValueText)
            && WiringSyntax.Declaration(identifier).Initializer is null;
    }

    public static string? SchemeName(DocumentWiring w, ExpressionSyntax expression) =>
        KnownConstants.GetValueOrDefault(LastTwoParts(expression.ToString())) ?? w.Constants.Evaluate(expression);

    private static string LastTwoParts(string text)
    {
        var parts = text.Split('.');
        return parts.Length >= 2 ? parts[^2] + "." + parts[^1] : text;
    }

    private static void Add(DocumentWiring w, InvocationExpressionSyntax invocation, string scheme, string handler) =>
        w.Schemes.Add(new AuthenticationScheme(w.ServiceOf(invocation), scheme, handler, w.Document.Path, w.Line(invocation)));

    /// <summary>True for a method name that adds a scheme with a required or defaulted name argument.</summary>
    public static bool TryHandler(string name, InvocationExpressionSyntax invocation, out string handler)
    {
        handler = "";
        if (!Known.TryGetValue(name, out var known))
        {
            return false;
        }

        var typeArgs = SyntaxHelpers.TypeArguments(invocation);
        handler = known.Handler.Length > 0 ? known.Handler : typeArgs.Count == 2 ? SyntaxHelpers.SimpleTypeName(typeArgs[1].ToString()) : "Custom";
        return true;
    }
}
