using System.Collections.Immutable;
using System.Text;
using BackendArchitect.Model;
using BackendArchitect.Sql.Ast;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using AlterTableStatement = BackendArchitect.Sql.Ast.AlterTableStatement;
using Ast = BackendArchitect.Sql.Ast;
using ColumnDefinition = BackendArchitect.Sql.Ast.ColumnDefinition;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;

namespace BackendArchitect.Sql.TSql;

public static partial class TSqlReader
{
    /// <summary>Maps ScriptDom statements of one batch to the shared model, descending into control flow.</summary>
    private sealed class Context(
        string file,
        int firstLine,
        int? atLine,
        ImmutableArray<SqlStatement>.Builder statements,
        ImmutableArray<Diagnostic>.Builder diagnostics,
        int depth)
    {
        public void Visit(TSqlStatement statement)
        {
            switch (statement)
            {
                case IfStatement s:
                    Visit(s.ThenStatement);
                    if (s.ElseStatement is not null)
                    {
                        Visit(s.ElseStatement);
                    }

                    return;
                case BeginEndBlockStatement s:
                    VisitAll(s.StatementList);
                    return;
                case TryCatchStatement s:
                    VisitAll(s.TryStatements);
                    return;
                case WhileStatement s:
                    Visit(s.Statement);
                    return;
                case ExecuteStatement s when DynamicSql(s) is { } sql && depth < 4:
                    ReadBatch(file, sql, 1, LineOf(s), statements, diagnostics, depth + 1);
                    return;
            }

            var mapped = Map(statement);
            statements.Add(mapped with { Text = TextOf(statement), Line = LineOf(statement) });
        }

        private void VisitAll(StatementList? list)
        {
            if (list is null)
            {
                return;
            }

            foreach (var statement in list.Statements)
            {
                Visit(statement);
            }
        }

        private int LineOf(TSqlFragment fragment) => atLine ?? (firstLine + fragment.StartLine - 1);

        private SqlStatement Map(TSqlStatement statement)
        {
            try
            {
                return statement switch
                {
                    Dom.CreateTableStatement s => CreateTable(s),
                    AlterTableAddTableElementStatement s => AlterAdd(s),
                    AlterTableDropTableElementStatement s => AlterDrop(s),
                    AlterTableAlterColumnStatement s => AlterColumn(s),
                    Dom.CreateIndexStatement s => CreateIndex(s),
                    DropIndexStatement s => DropIndex(s),
                    DropTableStatement s => new DropStatement("TABLE", [.. s.Objects.Select(Name)], s.IsIfExists, false, false, null),
                    DropViewStatement s => new DropStatement("VIEW", [.. s.Objects.Select(Name)], s.IsIfExists, false, false, null),
                    Dom.CreateViewStatement s => new Ast.CreateViewStatement(Name(s.SchemaObjectName), false, false, false),
                    CreateOrAlterViewStatement s => new Ast.CreateViewStatement(Name(s.SchemaObjectName), true, false, false),
                    ExecuteStatement s when Rename(s) is { } rename => rename,
                    BeginTransactionStatement => new Ast.TransactionStatement(TransactionKind.Begin),
                    CommitTransactionStatement => new Ast.TransactionStatement(TransactionKind.Commit),
                    RollbackTransactionStatement => new Ast.TransactionStatement(TransactionKind.Rollback),
                    _ => new OtherStatement(Keywords(statement)),
                };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                diagnostics.Add(new Diagnostic(file, LineOf(statement), "T-SQL statement not understood: " + e.Message));
                return new OtherStatement(Keywords(statement)) { IsPartial = true };
            }
        }

        private Ast.CreateTableStatement CreateTable(Dom.CreateTableStatement s)
        {
            var definition = s.Definition;
            var columns = definition?.ColumnDefinitions.Select(Column).ToImmutableArray() ?? [];
            var constraints = ImmutableArray.CreateBuilder<TableConstraint>();
            if (definition is not null)
            {
                foreach (var c in definition.TableConstraints)
                {
                    if (Constraint(c) is { } mapped)
                    {
                        constraints.Add(mapped);
                    }
                }

                foreach (var index in definition.Indexes)
                {
                    constraints.Add(new TableConstraint(
                        index.Name?.Value,
                        index.Unique ? ConstraintKind.Unique : ConstraintKind.Index,
                        [.. index.Columns.Select(c => ColumnName(c.Column))],
                        null,
                        null,
                        false,
                        LineOf(index)));
                }
            }

            var name = Name(s.SchemaObjectName);
            return new Ast.CreateTableStatement(name, false, name.Name.StartsWith('#'), columns, constraints.ToImmutable(), s.SelectStatement is not null, null);
        }

        private ColumnDefinition Column(Dom.ColumnDefinition c)
        {
            bool? notNull = null;
            var primaryKey = false;
            var unique = false;
            var checks = ImmutableArray.CreateBuilder<string>();
            ForeignKeyReference? references = null;
            foreach (var constraint in c.Constraints)
            {
                switch (constraint)
                {
                    case NullableConstraintDefinition n:
                        notNull = !n.Nullable;
                        break;
                    case UniqueConstraintDefinition u:
                        primaryKey |= u.IsPrimaryKey;
                        unique |= !u.IsPrimaryKey;
                        break;
                    case CheckConstraintDefinition k:
                        checks.Add(TextOf(k.CheckCondition));
                        break;
                    case ForeignKeyConstraintDefinition f:
                        references = Reference(f);
                        break;
                }
            }

            var defaultText = c.DefaultConstraint?.Expression is { } expression ? TextOf(expression) : null;
            var identity = c.IdentityOptions is not null ? "identity" : null;
            var computed = c.ComputedColumnExpression is { } computedExpression ? TextOf(computedExpression) : null;
            return new ColumnDefinition(
                c.ColumnIdentifier.Value,
                c.DataType is null ? null : DataTypeOf(c.DataType),
                defaultText is null ? null : new ColumnDefault(defaultText, IsVolatile(defaultText)),
                notNull,
                primaryKey,
                unique,
                checks.ToImmutable(),
                references,
                identity,
                c.Collation?.Value,
                computed,
                LineOf(c));
        }

        private TableConstraint? Constraint(ConstraintDefinition c) => c switch
        {
            UniqueConstraintDefinition u => new TableConstraint(
                u.ConstraintIdentifier?.Value,
                u.IsPrimaryKey ? ConstraintKind.PrimaryKey : ConstraintKind.Unique,
                [.. u.Columns.Select(x => ColumnName(x.Column))],
                null,
                null,
                false,
                LineOf(u)),
            ForeignKeyConstraintDefinition f => new TableConstraint(
                f.ConstraintIdentifier?.Value,
                ConstraintKind.ForeignKey,
                [.. f.Columns.Select(x => x.Value)],
                null,
                Reference(f),
                false,
                LineOf(f)),
            CheckConstraintDefinition k => new TableConstraint(
                k.ConstraintIdentifier?.Value,
                ConstraintKind.Check,
                [],
                TextOf(k.CheckCondition),
                null,
                k.NotForReplication,
                LineOf(k)),
            _ => null,
        };

        private static ForeignKeyReference Reference(ForeignKeyConstraintDefinition f) => new(
            Name(f.ReferenceTableName),
            [.. f.ReferencedTableColumns.Select(x => x.Value)],
            f.DeleteAction == DeleteUpdateAction.NotSpecified ? null : Action(f.DeleteAction),
            f.UpdateAction == DeleteUpdateAction.NotSpecified ? null : Action(f.UpdateAction));

        private static string Action(DeleteUpdateAction action) => action switch
        {
            DeleteUpdateAction.Cascade => "CASCADE",
            DeleteUpdateAction.SetNull => "SET NULL",
            DeleteUpdateAction.SetDefault => "SET DEFAULT",
            _ => "NO ACTION",
        };

        private AlterTableStatement AlterAdd(AlterTableAddTableElementStatement s)
        {
            var actions = ImmutableArray.CreateBuilder<AlterTableAction>();
            foreach (var column in s.Definition.ColumnDefinitions)
            {
                actions.Add(new AddColumnAction(Column(column), false) { Line = LineOf(column) });
            }

            foreach (var constraint in s.Definition.TableConstraints)
            {
                if (Constraint(constraint) is { } mapped)
                {
                    // WITH NOCHECK adds a foreign key or check without validating existing rows, like NOT VALID.
                    var notValid = s.ExistingRowsCheckEnforcement == ConstraintEnforcement.NoCheck;
                    actions.Add(new AddConstraintAction(mapped with { NotValid = notValid }) { Line = LineOf(constraint) });
                }
            }

            return new AlterTableStatement(Name(s.SchemaObjectName), false, actions.ToImmutable());
        }

        private AlterTableStatement AlterDrop(AlterTableDropTableElementStatement s)
        {
            var actions = ImmutableArray.CreateBuilder<AlterTableAction>();
            foreach (var element in s.AlterTableDropTableElements)
            {
                var line = LineOf(element);
                actions.Add(element.TableElementType switch
                {
                    TableElementType.Column => new DropColumnAction(element.Name.Value, element.IsIfExists, false) { Line = line },
                    _ => new DropConstraintAction(element.Name.Value, null, element.IsIfExists, false) { Line = line },
                });
            }

            return new AlterTableStatement(Name(s.SchemaObjectName), false, actions.ToImmutable());
        }

        private AlterTableStatement AlterColumn(AlterTableAlterColumnStatement s)
        {
            var column = s.ColumnIdentifier.Value;
            var line = LineOf(s);
            var actions = ImmutableArray.CreateBuilder<AlterTableAction>();
            if (s.DataType is not null)
            {
                actions.Add(new AlterColumnTypeAction(column, DataTypeOf(s.DataType), null, s.Collation?.Value) { Line = line });
            }

            // ALTER COLUMN restates nullability; NOT NULL written means SET NOT NULL, otherwise the column becomes nullable.
            var text = TextOf(s);
            if (s.DataType is not null)
            {
                var notNull = text.Contains("NOT NULL", StringComparison.OrdinalIgnoreCase);
                actions.Add(new AlterColumnNullabilityAction(column, notNull) { Line = line });
            }
            else
            {
                actions.Add(new AlterColumnOtherAction(column, text) { Line = line });
            }

            return new AlterTableStatement(Name(s.SchemaObjectName), false, actions.ToImmutable());
        }

        private Ast.CreateIndexStatement CreateIndex(Dom.CreateIndexStatement s)
        {
            var elements = s.Columns
                .Select(c => new IndexElement(ColumnName(c.Column), ColumnName(c.Column), c.SortOrder == SortOrder.Descending))
                .ToImmutableArray();
            var include = s.IncludeColumns.Select(c => ColumnName(c)).ToImmutableArray();
            var online = s.IndexOptions.OfType<OnlineIndexOption>().Any(o => o.OptionState == OptionState.On);
            var method = s.Clustered switch
            {
                true => "clustered",
                false => "nonclustered",
                null => null,
            };
            return new Ast.CreateIndexStatement(
                s.Name.Value,
                Name(s.OnName),
                s.Unique,
                online,
                false,
                method,
                elements,
                include,
                s.FilterPredicate is { } filter ? TextOf(filter) : null);
        }

        private static DropStatement DropIndex(DropIndexStatement s)
        {
            var clauses = s.DropIndexClauses.OfType<DropIndexClause>().ToArray();
            var names = clauses.Select(c => new QualifiedName(null, c.Index.Value)).ToImmutableArray();
            var table = clauses.Length > 0 ? Name(clauses[0].Object) : null;
            return new DropStatement("INDEX", names, s.IsIfExists, false, false, table);
        }

        private static string ColumnName(ColumnReferenceExpression? column) =>
            column?.MultiPartIdentifier?.Identifiers.LastOrDefault()?.Value ?? "";

        private static QualifiedName Name(SchemaObjectName name) =>
            new(name.SchemaIdentifier?.Value, name.BaseIdentifier?.Value ?? "");

        private static DataType DataTypeOf(DataTypeReference type)
        {
            var name = string.Join(".", type.Name?.Identifiers.Select(i => i.Value) ?? []).ToLowerInvariant();
            var arguments = type is ParameterizedDataTypeReference p
                ? p.Parameters.Select(x => x.Value ?? "").ToImmutableArray()
                : [];
            var text = arguments.Length == 0 ? name : name + "(" + string.Join(",", arguments) + ")";
            return new DataType(name, arguments, 0, null, text);
        }

        private static bool IsVolatile(string expression) =>
            expression.Contains("newid(", StringComparison.OrdinalIgnoreCase)
            || expression.Contains("newsequentialid(", StringComparison.OrdinalIgnoreCase)
            || expression.Contains("rand(", StringComparison.OrdinalIgnoreCase);

        private static string Keywords(TSqlStatement statement)
        {
            var words = new List<string>();
            for (var i = statement.FirstTokenIndex; i <= statement.LastTokenIndex && words.Count < 2; i++)
            {
                var token = statement.ScriptTokenStream[i];
                if (token.TokenType is TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment)
                {
                    continue;
                }

                if (token.TokenType is TSqlTokenType.Identifier or TSqlTokenType.QuotedIdentifier or TSqlTokenType.LeftParenthesis
                    or TSqlTokenType.Dot or TSqlTokenType.Semicolon || !char.IsLetter(token.Text[0]))
                {
                    break;
                }

                words.Add(token.Text.ToUpperInvariant());
            }

            var keywords = string.Join(" ", words);
            return keywords is "EXEC" or "EXECUTE" ? "EXECUTE" : keywords == "" ? statement.GetType().Name : keywords;
        }

        private static string TextOf(TSqlFragment fragment)
        {
            if (fragment.ScriptTokenStream is null || fragment.FirstTokenIndex < 0)
            {
                return "";
            }

            var builder = new StringBuilder();
            for (var i = fragment.FirstTokenIndex; i <= fragment.LastTokenIndex; i++)
            {
                builder.Append(fragment.ScriptTokenStream[i].Text);
            }

            return builder.ToString().Trim();
        }

        /// <summary>
        /// EXEC sp_rename 'schema.table.column', 'new', 'COLUMN' as a column rename, and
        /// sp_rename 'schema.table', 'new' as a table rename; other object types stay unmodelled.
        /// </summary>
        private static AlterTableStatement? Rename(ExecuteStatement s)
        {
            if (s.ExecuteSpecification?.ExecutableEntity is not ExecutableProcedureReference procedure
                || !string.Equals(procedure.ProcedureReference?.ProcedureReference?.Name?.BaseIdentifier?.Value, "sp_rename", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var values = procedure.Parameters.Select(p => (p.ParameterValue as StringLiteral)?.Value).ToList();
            if (values.Count < 2 || values[0] is not { } from || values[1] is not { } to)
            {
                return null;
            }

            var parts = from.Split('.').Select(p => p.Trim('[', ']')).ToList();
            var kind = values.Count > 2 ? values[2]?.ToUpperInvariant() : null;
            if (kind == "COLUMN" && parts.Count >= 2)
            {
                var table = new QualifiedName(parts.Count > 2 ? parts[^3] : null, parts[^2]);
                return new AlterTableStatement(table, false, [new RenameColumnAction(parts[^1], to.Trim('[', ']'))]);
            }

            if (kind is null or "OBJECT" && parts.Count is 1 or 2)
            {
                var table = new QualifiedName(parts.Count > 1 ? parts[0] : null, parts[^1]);
                return new AlterTableStatement(table, false, [new RenameTableAction(new QualifiedName(table.Schema, to.Trim('[', ']')))]);
            }

            return null;
        }

        /// <summary>The SQL of EXEC('...') / EXEC(N'...' + N'...') when it is all literal text.</summary>
        private static string? DynamicSql(ExecuteStatement s)
        {
            if (s.ExecuteSpecification?.ExecutableEntity is not ExecutableStringList list)
            {
                return null;
            }

            var builder = new StringBuilder();
            foreach (var part in list.Strings)
            {
                if (part is not StringLiteral literal)
                {
                    return null;
                }

                builder.Append(literal.Value);
            }

            return builder.ToString();
        }
    }
}
