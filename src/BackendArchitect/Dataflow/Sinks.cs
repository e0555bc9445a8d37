using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackendArchitect.Dataflow;

/// <summary>
/// The APIs where a request-controlled string does harm, with the argument that matters. Only that argument
/// counts: FromSqlRaw("... {0}", q) passes q as a parameter and is safe; FromSql and FromSqlInterpolated turn
/// an interpolated string into parameters and are not sinks at all.
/// </summary>
internal static class Sinks
{
    /// <summary>Invoked method name to the sink kind and the index of the dangerous argument.</summary>
    private static readonly FrozenDictionary<string, (TaintKind Kind, int Argument)> Methods = new Dictionary<string, (TaintKind, int)>(StringComparer.Ordinal)
    {
        // EF Core raw SQL.
        ["FromSqlRaw"] = (TaintKind.Sql, 0),
        ["ExecuteSqlRaw"] = (TaintKind.Sql, 0),
        ["ExecuteSqlRawAsync"] = (TaintKind.Sql, 0),
        ["SqlQueryRaw"] = (TaintKind.Sql, 0),
        // EF6 and EF Core 2 took a plain string here; only an interpolated string binds their FormattableString overload.
        ["SqlQuery"] = (TaintKind.Sql, 0),
        ["ExecuteSqlCommand"] = (TaintKind.Sql, 0),
        ["ExecuteSqlCommandAsync"] = (TaintKind.Sql, 0),
        ["FromSql"] = (TaintKind.Sql, 0),
        // Dapper, on any connection.
        ["Query"] = (TaintKind.Sql, 0),
        ["QueryAsync"] = (TaintKind.Sql, 0),
        ["QueryFirst"] = (TaintKind.Sql, 0),
        ["QueryFirstAsync"] = (TaintKind.Sql, 0),
        ["QueryFirstOrDefault"] = (TaintKind.Sql, 0),
        ["QueryFirstOrDefaultAsync"] = (TaintKind.Sql, 0),
        ["QuerySingle"] = (TaintKind.Sql, 0),
        ["QuerySingleAsync"] = (TaintKind.Sql, 0),
        ["QuerySingleOrDefault"] = (TaintKind.Sql, 0),
        ["QuerySingleOrDefaultAsync"] = (TaintKind.Sql, 0),
        ["QueryMultiple"] = (TaintKind.Sql, 0),
        ["QueryMultipleAsync"] = (TaintKind.Sql, 0),
        ["Execute"] = (TaintKind.Sql, 0),
        ["ExecuteAsync"] = (TaintKind.Sql, 0),
        ["ExecuteScalar"] = (TaintKind.Sql, 0),
        ["ExecuteScalarAsync"] = (TaintKind.Sql, 0),
        ["ExecuteReader"] = (TaintKind.Sql, 0),
        ["ExecuteReaderAsync"] = (TaintKind.Sql, 0),
        // LINQ to SQL's DataContext runs its first string as SQL; the rest are bound as {0}, {1} parameters.
        ["ExecuteQuery"] = (TaintKind.Sql, 0),
        ["ExecuteCommand"] = (TaintKind.Sql, 0),
        // Enterprise Library's Database: a command built from text, and the calls that take (CommandType.Text, sql).
        ["GetSqlStringCommand"] = (TaintKind.Sql, 0),
        ["ExecuteDataSet"] = (TaintKind.Sql, 0),
        ["ExecuteNonQuery"] = (TaintKind.Sql, 0),
        ["LoadDataSet"] = (TaintKind.Sql, 0),
        // Processes.
        ["Start"] = (TaintKind.Command, 0),
        // Files.
        ["ReadAllText"] = (TaintKind.Path, 0),
        ["ReadAllTextAsync"] = (TaintKind.Path, 0),
        ["ReadAllBytes"] = (TaintKind.Path, 0),
        ["ReadAllBytesAsync"] = (TaintKind.Path, 0),
        ["ReadAllLines"] = (TaintKind.Path, 0),
        ["ReadAllLinesAsync"] = (TaintKind.Path, 0),
        ["ReadLines"] = (TaintKind.Path, 0),
        ["WriteAllText"] = (TaintKind.Path, 0),
        ["WriteAllTextAsync"] = (TaintKind.Path, 0),
        ["WriteAllBytes"] = (TaintKind.Path, 0),
        ["WriteAllBytesAsync"] = (TaintKind.Path, 0),
        ["AppendAllText"] = (TaintKind.Path, 0),
        ["AppendAllTextAsync"] = (TaintKind.Path, 0),
        ["WriteAllLines"] = (TaintKind.Path, 0),
        ["WriteAllLinesAsync"] = (TaintKind.Path, 0),
        ["AppendAllLines"] = (TaintKind.Path, 0),
        ["AppendAllLinesAsync"] = (TaintKind.Path, 0),
        ["Open"] = (TaintKind.Path, 0),
        ["Replace"] = (TaintKind.Path, 0),
        ["GetFiles"] = (TaintKind.Path, 0),
        ["EnumerateFiles"] = (TaintKind.Path, 0),
        ["GetDirectories"] = (TaintKind.Path, 0),
        ["EnumerateDirectories"] = (TaintKind.Path, 0),
        ["OpenRead"] = (TaintKind.Path, 0),
        ["OpenWrite"] = (TaintKind.Path, 0),
        ["OpenText"] = (TaintKind.Path, 0),
        ["Create"] = (TaintKind.Path, 0),
        ["CreateText"] = (TaintKind.Path, 0),
        ["AppendText"] = (TaintKind.Path, 0),
        ["Delete"] = (TaintKind.Path, 0),
        ["Copy"] = (TaintKind.Path, 0),
        ["Move"] = (TaintKind.Path, 0),
        ["SetAccessControl"] = (TaintKind.Path, 0),
        ["PhysicalFile"] = (TaintKind.Path, 0),
        // HttpPostedFile(Base).SaveAs and document libraries' SaveAs write wherever the path says.
        ["SaveAs"] = (TaintKind.Path, 0),
        ["ExtractToFile"] = (TaintKind.Path, 0),
        // Outbound HTTP.
        ["GetAsync"] = (TaintKind.Url, 0),
        ["GetStringAsync"] = (TaintKind.Url, 0),
        ["GetByteArrayAsync"] = (TaintKind.Url, 0),
        ["GetStreamAsync"] = (TaintKind.Url, 0),
        ["GetFromJsonAsync"] = (TaintKind.Url, 0),
        ["PostAsync"] = (TaintKind.Url, 0),
        ["PostAsJsonAsync"] = (TaintKind.Url, 0),
        ["PutAsync"] = (TaintKind.Url, 0),
        ["PutAsJsonAsync"] = (TaintKind.Url, 0),
        ["DeleteAsync"] = (TaintKind.Url, 0),
        ["PatchAsync"] = (TaintKind.Url, 0),
        ["DownloadString"] = (TaintKind.Url, 0),
        ["DownloadStringTaskAsync"] = (TaintKind.Url, 0),
        // Redirects.
        ["Redirect"] = (TaintKind.Redirect, 0),
        ["RedirectPermanent"] = (TaintKind.Redirect, 0),
        ["RedirectPreserveMethod"] = (TaintKind.Redirect, 0),
        ["RedirectPermanentPreserveMethod"] = (TaintKind.Redirect, 0),
        // Markup written without encoding.
        ["Raw"] = (TaintKind.Html, 0),
        // Code loading and evaluation.
        ["EvaluateAsync"] = (TaintKind.Code, 0),
        ["RunAsync"] = (TaintKind.Code, 0),
        ["LoadFrom"] = (TaintKind.Code, 0),
        ["LoadFile"] = (TaintKind.Code, 0),
        ["UnsafeLoadFrom"] = (TaintKind.Code, 0),
        // RazorEngine compiles a template to C# and runs it: a caller's template is a caller's program.
        ["Parse"] = (TaintKind.Code, 0),
        ["Compile"] = (TaintKind.Code, 0),
        ["RunCompile"] = (TaintKind.Code, 0),
        ["Run"] = (TaintKind.Code, 0),
        // XSLT stylesheets: a transform runs what the stylesheet says (document(), and scripts when enabled).
        ["Load"] = (TaintKind.Xslt, 0),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Receivers a method name above must be called on to count, where the name alone is too common.</summary>
    private static readonly FrozenDictionary<string, string[]> Receivers = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Start"] = ["Process"],
        ["ReadAllText"] = ["File"],
        ["ReadAllTextAsync"] = ["File"],
        ["ReadAllBytes"] = ["File"],
        ["ReadAllBytesAsync"] = ["File"],
        ["ReadAllLines"] = ["File"],
        ["ReadAllLinesAsync"] = ["File"],
        ["ReadLines"] = ["File"],
        ["WriteAllText"] = ["File"],
        ["WriteAllTextAsync"] = ["File"],
        ["WriteAllBytes"] = ["File"],
        ["WriteAllBytesAsync"] = ["File"],
        ["AppendAllText"] = ["File"],
        ["AppendAllTextAsync"] = ["File"],
        ["WriteAllLines"] = ["File"],
        ["WriteAllLinesAsync"] = ["File"],
        ["AppendAllLines"] = ["File"],
        ["AppendAllLinesAsync"] = ["File"],
        ["Open"] = ["File"],
        ["Replace"] = ["File"],
        ["GetFiles"] = ["Directory"],
        ["EnumerateFiles"] = ["Directory"],
        ["GetDirectories"] = ["Directory"],
        ["EnumerateDirectories"] = ["Directory"],
        ["OpenRead"] = ["File"],
        ["OpenWrite"] = ["File"],
        ["OpenText"] = ["File"],
        ["Create"] = ["File"],
        ["CreateText"] = ["File"],
        ["AppendText"] = ["File"],
        ["Delete"] = ["File", "Directory"],
        ["Copy"] = ["File"],
        ["Move"] = ["File", "Directory"],
        ["SetAccessControl"] = ["File", "Directory"],
        ["UnsafeLoadFrom"] = ["Assembly"],
        ["Raw"] = ["Html", "HtmlHelper"],
        ["EvaluateAsync"] = ["CSharpScript"],
        ["RunAsync"] = ["CSharpScript"],
        ["LoadFrom"] = ["Assembly"],
        ["LoadFile"] = ["Assembly"],
        ["Parse"] = ["Razor"],
        ["Compile"] = ["Razor"],
        ["RunCompile"] = ["Razor"],
        ["Run"] = ["Razor"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Raw SQL in EF6 and EF Core 2 when given a string; an interpolated string binds the parameterising overload.</summary>
    private static readonly HashSet<string> LegacyRawSql = new(StringComparer.Ordinal) { "SqlQuery", "ExecuteSqlCommand", "ExecuteSqlCommandAsync", "FromSql" };

    /// <summary>LINQ to SQL's calls, made on a data context rather than a connection.</summary>
    private static readonly HashSet<string> DataContextSql = new(StringComparer.Ordinal) { "ExecuteQuery", "ExecuteCommand" };

    /// <summary>Enterprise Library's calls that take a command object or a stored procedure unless a CommandType.Text argument precedes the SQL.</summary>
    private static readonly HashSet<string> CommandTypeSql = new(StringComparer.Ordinal) { "ExecuteDataSet", "ExecuteNonQuery", "LoadDataSet" };

    /// <summary>File calls whose source and destination (File.Copy(from, to)) are both paths, and File.Replace's backup too.</summary>
    private static readonly HashSet<string> TwoPaths = new(StringComparer.Ordinal) { "Copy", "Move", "Replace" };

    /// <summary>FileInfo's and DirectoryInfo's calls that write to the path they are given.</summary>
    private static readonly HashSet<string> FileInfoCalls = new(StringComparer.Ordinal) { "CopyTo", "MoveTo" };

    /// <summary>
    /// WebClient's calls that fetch or send to a URL. OpenRead, DownloadFile and the Upload methods are also names of
    /// file, FTP and storage clients (FluentFTP's DownloadFile takes a local path first), so they count only on a
    /// receiver created or declared as a WebClient.
    /// </summary>
    private static readonly HashSet<string> WebClientCalls = new(StringComparer.Ordinal)
    {
        "OpenRead", "OpenReadAsync", "OpenReadTaskAsync", "OpenWrite", "OpenWriteAsync", "OpenWriteTaskAsync",
        "DownloadData", "DownloadDataAsync", "DownloadDataTaskAsync", "DownloadFile", "DownloadFileAsync", "DownloadFileTaskAsync",
        "DownloadStringAsync", "UploadString", "UploadStringAsync", "UploadStringTaskAsync", "UploadData", "UploadDataAsync",
        "UploadDataTaskAsync", "UploadFile", "UploadFileAsync", "UploadFileTaskAsync", "UploadValues", "UploadValuesAsync", "UploadValuesTaskAsync",
    };

    /// <summary>Types whose constructor's first argument is a sink.</summary>
    private static readonly FrozenDictionary<string, TaintKind> Constructors = new Dictionary<string, TaintKind>(StringComparer.Ordinal)
    {
        ["SqlCommand"] = TaintKind.Sql,
        ["NpgsqlCommand"] = TaintKind.Sql,
        ["MySqlCommand"] = TaintKind.Sql,
        ["SqliteCommand"] = TaintKind.Sql,
        ["OracleCommand"] = TaintKind.Sql,
        ["OleDbCommand"] = TaintKind.Sql,
        ["OdbcCommand"] = TaintKind.Sql,
        ["SQLiteCommand"] = TaintKind.Sql,
        ["SqlDataAdapter"] = TaintKind.Sql,
        ["SqlDataSource"] = TaintKind.Sql,
        ["NpgsqlDataAdapter"] = TaintKind.Sql,
        ["MySqlDataAdapter"] = TaintKind.Sql,
        ["SQLiteDataAdapter"] = TaintKind.Sql,
        ["OracleDataAdapter"] = TaintKind.Sql,
        ["OleDbDataAdapter"] = TaintKind.Sql,
        ["OdbcDataAdapter"] = TaintKind.Sql,
        ["ProcessStartInfo"] = TaintKind.Command,
        ["FileStream"] = TaintKind.Path,
        ["FileInfo"] = TaintKind.Path,
        ["DirectoryInfo"] = TaintKind.Path,
        ["StreamReader"] = TaintKind.Path,
        ["StreamWriter"] = TaintKind.Path,
        ["PhysicalFileResult"] = TaintKind.Path,
        ["RedirectResult"] = TaintKind.Redirect,
        ["HtmlString"] = TaintKind.Html,
        ["MarkupString"] = TaintKind.Html,
        // A RestSharp client sends every request to the base URL it was made with.
        ["RestClient"] = TaintKind.Url,
        ["RestClientOptions"] = TaintKind.Url,
        ["HttpRequestMessage"] = TaintKind.Url,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Properties whose assignment is a sink: command text and the program a process starts.</summary>
    private static readonly FrozenDictionary<string, TaintKind> Properties = new Dictionary<string, TaintKind>(StringComparer.Ordinal)
    {
        ["CommandText"] = TaintKind.Sql,
        ["FileName"] = TaintKind.Command,
        ["Arguments"] = TaintKind.Command,
        // An HTTP client's base address and a request message's URI decide the host the request goes to.
        ["BaseAddress"] = TaintKind.Url,
        ["RequestUri"] = TaintKind.Url,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The sink an invocation is, with the argument that must not carry request data.</summary>
    public static (TaintKind Kind, IReadOnlyList<ExpressionSyntax> Arguments, string Name)? Of(InvocationExpressionSyntax invocation)
    {
        var name = CSharp.SyntaxHelpers.InvokedName(invocation);
        if (name is null)
        {
            return null;
        }

        var receiver = CSharp.SyntaxHelpers.Receiver(invocation);
        if (Outbound(invocation, name, receiver) is { } outbound)
        {
            return outbound;
        }

        if (FileInfoCalls.Contains(name) && receiver is not null && invocation.ArgumentList.Arguments is [var destination, ..] && IsFileInfo(receiver, invocation))
        {
            return (TaintKind.Path, [destination.Expression], name);
        }

        if (!Methods.TryGetValue(name, out var sink) || invocation.ArgumentList.Arguments.Count <= sink.Argument)
        {
            return null;
        }

        if (Receivers.TryGetValue(name, out var receivers) && !IsCalledOn(invocation, receiver, name, receivers))
        {
            return null;
        }

        // Query and Execute are also names of query executors and mediators: Dapper's are called on a connection.
        if (sink.Kind == TaintKind.Sql && IsDapper(name)
            && !(receiver is not null && (IsConnection(LastName(receiver)) || DataContextSql.Contains(name) && IsDataContext(LastName(receiver)))))
        {
            return null;
        }

        if (sink.Kind == TaintKind.Sql && ByCommandType(invocation, name, out var commandText))
        {
            return commandText is null ? null : (sink.Kind, [commandText], name);
        }

        // Load is also every document's and assembly's method: only a stylesheet transform's counts.
        if (sink.Kind == TaintKind.Xslt && !(receiver is not null && IsStylesheetTransform(receiver, invocation)))
        {
            return null;
        }

        // GetAsync and PostAsync are also cache, repository and queue methods: only an HTTP client's count.
        if (sink.Kind == TaintKind.Url && !(receiver is not null && IsHttpClient(LastName(receiver))))
        {
            return null;
        }

        // An extension call (db.Database.ExecuteSqlRaw(sql)) has its SQL first; the static form
        // (RelationalDatabaseFacadeExtensions.ExecuteSqlRaw(db.Database, sql)) is not written by hand.
        // A process's program and its argument string are both dangerous.
        if (LegacyRawSql.Contains(name) || DataContextSql.Contains(name))
        {
            // SqlQuery(typeof(T), sql) and ExecuteSqlCommand(TransactionalBehavior.X, sql) put the SQL after a leading option.
            var sql = invocation.ArgumentList.Arguments.Select(a => a.Expression).FirstOrDefault(e => !IsLeadingOption(e));
            // LINQ to SQL has no FormattableString overload: an interpolated string is concatenated text there.
            var parameterised = !DataContextSql.Contains(name) && (sql is InterpolatedStringExpressionSyntax || sql is not null && IsFormattableString(sql));
            return sql is null || parameterised ? null : (sink.Kind, [sql], name);
        }

        IReadOnlyList<ExpressionSyntax> arguments = sink.Kind == TaintKind.Command || TwoPaths.Contains(name)
            ? [.. invocation.ArgumentList.Arguments.Take(name == "Replace" ? 3 : 2).Select(a => a.Expression)]
            : [invocation.ArgumentList.Arguments[sink.Argument].Expression];
        return (sink.Kind, arguments, name);
    }

    /// <summary>The sink a constructor call is, with its first argument.</summary>
    public static (TaintKind Kind, IReadOnlyList<ExpressionSyntax> Arguments, string Name)? Of(BaseObjectCreationExpressionSyntax creation)
    {
        var type = creation is ObjectCreationExpressionSyntax named ? CSharp.SyntaxHelpers.SimpleTypeName(named.Type.ToString()) : null;
        if (type is null || !Constructors.TryGetValue(type, out var kind) || creation.ArgumentList is not { Arguments.Count: > 0 } list)
        {
            return null;
        }

        // SqlDataSource(connectionString, selectCommand) and (provider, connectionString, selectCommand) end with the SQL.
        if (type == "SqlDataSource")
        {
            return list.Arguments.Count >= 2 ? (kind, [list.Arguments[^1].Expression], "new " + type) : null;
        }

        // HttpRequestMessage(method, requestUri): the URI comes second.
        if (type == "HttpRequestMessage")
        {
            return list.Arguments.Count == 2 ? (kind, [list.Arguments[1].Expression], "new " + type) : null;
        }

        IReadOnlyList<ExpressionSyntax> arguments = kind == TaintKind.Command ? [.. list.Arguments.Take(2).Select(a => a.Expression)] : [list.Arguments[0].Expression];
        return (kind, arguments, "new " + type);
    }

    /// <summary>The sink an assignment is (cmd.CommandText = sql; startInfo.FileName = ...), with the assigned value.</summary>
    public static (TaintKind Kind, IReadOnlyList<ExpressionSyntax> Arguments, string Name)? Of(AssignmentExpressionSyntax assignment)
    {
        var name = assignment.Left switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier when assignment.Parent is InitializerExpressionSyntax => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is null || !Properties.TryGetValue(name, out var kind))
        {
            return null;
        }

        // FileName and Arguments are process sinks only on a ProcessStartInfo (an upload's FileName is not).
        if (kind == TaintKind.Command && !IsOnProcessStartInfo(assignment))
        {
            return null;
        }

        return (kind, [assignment.Right], name);
    }

    /// <summary>A local declared as FormattableString holds an interpolated string: the overload that takes it parameterises.</summary>
    private static bool IsFormattableString(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax { Identifier.ValueText: var name }
        && expression.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member
        && member.DescendantNodes().OfType<VariableDeclarationSyntax>().Any(d =>
            CSharp.SyntaxHelpers.SimpleTypeName(d.Type.ToString()) == "FormattableString" && d.Variables.Any(v => v.Identifier.ValueText == name));

    /// <summary>
    /// Whether a positional command type decides where a call's SQL is: CommandType.Text puts it next
    /// (ExecuteDataSet(CommandType.Text, sql), also after a leading transaction); StoredProcedure and TableDirect name
    /// a procedure or a table, so <paramref name="sql"/> is null. Enterprise Library's forms without a command type
    /// take a command object or a procedure name: decided too, with no SQL. A named commandType: (Dapper) decides nothing.
    /// </summary>
    private static bool ByCommandType(InvocationExpressionSyntax invocation, string name, out ExpressionSyntax? sql)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is null && arguments[i].Expression is MemberAccessExpressionSyntax
                {
                    Expression: IdentifierNameSyntax { Identifier.ValueText: "CommandType" }, Name.Identifier.ValueText: var type,
                })
            {
                sql = type == "Text" && i + 1 < arguments.Count ? arguments[i + 1].Expression : null;
                return true;
            }
        }

        sql = null;
        return CommandTypeSql.Contains(name);
    }

    private static bool IsCalledOn(InvocationExpressionSyntax invocation, ExpressionSyntax? receiver, string name, string[] types) =>
        receiver is null
            ? CSharp.UsingAliases.StaticImports(invocation, name).Any(types.Contains)
            : types.Contains(CSharp.UsingAliases.Resolve(invocation, LastName(receiver)));

    private static bool IsDataContext(string name) =>
        name.Contains("context", StringComparison.OrdinalIgnoreCase) || name.Equals("ctx", StringComparison.OrdinalIgnoreCase);

    private static bool IsLeadingOption(ExpressionSyntax expression) =>
        expression is TypeOfExpressionSyntax or LiteralExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression }
        || expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "TransactionalBehavior" } };

    private static bool IsDapper(string name) => name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal) && !name.Contains("Sql", StringComparison.Ordinal);

    private static bool IsConnection(string name) =>
        name.Contains("conn", StringComparison.OrdinalIgnoreCase) || name.Contains("db", StringComparison.OrdinalIgnoreCase)
        || name.Contains("database", StringComparison.OrdinalIgnoreCase) || name.Contains("transaction", StringComparison.OrdinalIgnoreCase)
        || name.Contains("sql", StringComparison.OrdinalIgnoreCase) || name.Contains("session", StringComparison.OrdinalIgnoreCase)
        || name.Equals("tx", StringComparison.OrdinalIgnoreCase) || name.Equals("command", StringComparison.OrdinalIgnoreCase) || name.Equals("cmd", StringComparison.OrdinalIgnoreCase);

    private static bool IsHttpClient(string name) =>
        name.Contains("client", StringComparison.OrdinalIgnoreCase) || name.Contains("http", StringComparison.OrdinalIgnoreCase)
        || name.Equals("CreateClient", StringComparison.Ordinal);

    /// <summary>A receiver created as an XslCompiledTransform (or the obsolete XslTransform) in place, or declared as one.</summary>
    private static bool IsStylesheetTransform(ExpressionSyntax receiver, InvocationExpressionSyntax invocation) =>
        IsCreatedOrDeclaredAs(receiver, invocation, IsTransformType);

    /// <summary>A receiver created in place as a type <paramref name="isType"/> accepts (<c>new T().M()</c>), or named and declared as one.</summary>
    private static bool IsCreatedOrDeclaredAs(ExpressionSyntax receiver, InvocationExpressionSyntax invocation, Func<string, bool> isType) =>
        receiver is ObjectCreationExpressionSyntax creation
            ? isType(CSharp.SyntaxHelpers.SimpleTypeName(creation.Type.ToString()))
            : CSharp.SyntaxHelpers.IsDeclaredAs(invocation, LastName(receiver), isType);

    private static bool IsTransformType(string type) => CSharp.SyntaxHelpers.SimpleTypeName(type.TrimEnd('?')) is "XslCompiledTransform" or "XslTransform";

    /// <summary>
    /// The outbound calls whose names other APIs share (File.OpenRead, File.Create): a WebClient's fetches, and
    /// WebRequest.Create/CreateHttp, whose request goes to the URL it was made with.
    /// </summary>
    private static (TaintKind Kind, IReadOnlyList<ExpressionSyntax> Arguments, string Name)? Outbound(InvocationExpressionSyntax invocation, string name, ExpressionSyntax? receiver)
    {
        if (receiver is null || invocation.ArgumentList.Arguments is not [var first, ..])
        {
            return null;
        }

        var outbound = name is "Create" or "CreateHttp" or "CreateDefault"
            ? IsCalledOn(invocation, receiver, name, ["WebRequest", "HttpWebRequest"])
            : WebClientCalls.Contains(name) && IsWebClient(receiver, invocation);
        return outbound ? (TaintKind.Url, [first.Expression], name) : null;
    }

    private static bool IsFileInfo(ExpressionSyntax receiver, InvocationExpressionSyntax invocation) =>
        receiver is ObjectCreationExpressionSyntax or IdentifierNameSyntax
        && IsCreatedOrDeclaredAs(receiver, invocation, type => type is "FileInfo" or "DirectoryInfo");

    private static bool IsWebClient(ExpressionSyntax receiver, InvocationExpressionSyntax invocation) =>
        receiver is ObjectCreationExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
        && IsCreatedOrDeclaredAs(receiver, invocation, type => type == "WebClient");

    private static bool IsOnProcessStartInfo(AssignmentExpressionSyntax assignment) =>
        assignment.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation }
            ? CSharp.SyntaxHelpers.SimpleTypeName(creation.Type.ToString()) == "ProcessStartInfo"
            : assignment.Left is MemberAccessExpressionSyntax { Expression: var target }
                && (target.ToString().Contains("StartInfo", StringComparison.OrdinalIgnoreCase) || IsDeclaredStartInfo(target, assignment));

    /// <summary>A local declared as a ProcessStartInfo, or initialised with one, in the same member (<c>var psi = new ProcessStartInfo(); psi.FileName = ...</c>).</summary>
    private static bool IsDeclaredStartInfo(ExpressionSyntax target, SyntaxNode at) =>
        target is IdentifierNameSyntax { Identifier.ValueText: var name } && at.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member
        && member.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(d => d.Identifier.ValueText == name
            && (d.Initializer?.Value is ObjectCreationExpressionSyntax { Type: var created } && CSharp.SyntaxHelpers.SimpleTypeName(created.ToString()) == "ProcessStartInfo"
                || d.Parent is VariableDeclarationSyntax { Type: var declared } && CSharp.SyntaxHelpers.SimpleTypeName(declared.ToString()) == "ProcessStartInfo"));

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => expression.ToString(),
    };
}
