using System.Collections.Immutable;
using BackendArchitect.Rules.Migrations;
using BackendArchitect.Rules.Schema;
using BackendArchitect.Rules.Security;

namespace BackendArchitect.Findings;

/// <summary>Every rule of the product, ordered by code.</summary>
/// <remarks>
/// Listed by hand rather than found by reflection, so trimming and Native AOT keep every rule;
/// RuleCatalogCompletenessTests fails when a rule class is missing here.
/// </remarks>
public static class RuleCatalog
{
    public static ImmutableArray<IRule> All { get; } =
    [
        new IndexCreatedWithoutConcurrently(),
        new IndexDroppedWithoutConcurrently(),
        new ConcurrentIndexInTransaction(),
        new NotNullColumnAddedWithoutDefault(),
        new ColumnAddedWithRewritingDefault(),
        new ColumnTypeChanged(),
        new NotNullSetOnExistingColumn(),
        new ConstraintAddedWithoutNotValid(),
        new UniqueConstraintAddedInPlace(),
        new RenameWhileCodeUsesOldName(),
        new DropWhileCodeUsesIt(),
        new EnumValueChanged(),
        new MySqlCopyingAlter(),
        new SqliteTableRebuild(),
        new LockTimeoutMissing(),
        new IndexRedundantWhenCreated(),
        new TableWithoutPrimaryKey(),
        new ForeignKeyWithoutIndex(),
        new DuplicateIndex(),
        new RedundantIndex(),
        new FloatingPointMoney(),
        new TimestampWithoutTimeZone(),
        new JsonInsteadOfJsonb(),
        new NullableRequiredForeignKey(),
        new IntegerKeyOnGrowingTable(),
        new FixedLengthChar(),
        new VarcharWithoutLength(),
        new RepeatedColumnGroup(),
        new IdentifierProblem(),
        new PlaintextSecretColumn(),
        new SerialInsteadOfIdentity(),
        new DuplicateForeignKey(),
        new AnonymousStateChangingEndpoint(),
        new AnonymousOverrideOnWrite(),
        new AdminRouteWithoutRole(),
        new ObjectLevelAuthorization(),
        new PrivilegeFromRequest(),
        new EntityBoundFromRequest(),
        new ClientDataAuthorization(),
        new SqlInjection(),
        new CommandInjection(),
        new PathTraversal(),
        new ServerSideRequestForgery(),
        new OpenRedirect(),
        new HtmlFromRequest(),
        new CodeInjection(),
        new XsltInjection(),
        new UnrestrictedFileUpload(),
        new XssInView(),
        new HardCodedCredential(),
        new SecretWrittenToLog(),
        new SensitiveDataLogging(),
        new WeakPasswordHash(),
        new WeakRandomForSecret(),
        new JwtValidationWeakened(),
        new HttpsMetadataDisabled(),
        new CorsAllowsAnyOrigin(),
        new InsecureAuthCookie(),
        new WeakIdentityOptions(),
        new ExceptionDetailsExposed(),
        new InsecureDeserialization(),
        new XmlExternalEntities(),
        new HttpsNotEnforced(),
        new LoginWithoutRateLimit(),
        new AntiforgeryMissing(),
        new SensitiveFileInWebRoot(),
        new JwtDecodedWithoutValidation(),
        new LongTokenLifetime(),
        new WeakCipher(),
    ];

    public static IEnumerable<T> OfType<T>()
        where T : IRule => All.OfType<T>();

    /// <summary>The rules that read this kind of source: SQL for <c>db lint</c>, all of them for a review.</summary>
    public static IEnumerable<IRule> Reading(SourceLanguage language) =>
        All.Where(r => !r.Metadata.Applicability.Languages.IsDefault && r.Metadata.Applicability.Languages.Contains(language));

    public static IRule? Find(string code) =>
        All.FirstOrDefault(r => string.Equals(r.Metadata.Code, code, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Metadata.Name, code, StringComparison.OrdinalIgnoreCase));
}
