using BackendArchitect.Sql.Ast;

namespace BackendArchitect.Sql.Replay;

/// <summary>Spells a column type the way the database reports it, so equal types compare equal.</summary>
public static class TypeNormalizer
{
    public static string Normalize(DataType type, SqlDialect dialect)
    {
        var text = dialect switch
        {
            SqlDialect.PostgreSql => Postgres(type),
            SqlDialect.MySql => MySql(type),
            _ => Plain(type.Name, type.Arguments),
        };
        for (var i = 0; i < type.ArrayDimensions; i++)
        {
            text += "[]";
        }

        return text;
    }

    /// <summary>True for serial, bigserial and smallserial (PostgreSQL's sequence-backed integer shorthands).</summary>
    public static bool IsSerial(DataType type) =>
        type.Name is "serial" or "serial4" or "bigserial" or "serial8" or "smallserial" or "serial2";

    private static string Plain(string name, IReadOnlyList<string> arguments) =>
        arguments.Count == 0 ? name : name + "(" + string.Join(",", arguments.Select(a => a.Replace(" ", "", StringComparison.Ordinal))) + ")";

    private static string Postgres(DataType type)
    {
        var args = type.Arguments;
        switch (type.Name)
        {
            case "int" or "int4" or "integer" or "serial" or "serial4":
                return "integer";
            case "int2" or "smallint" or "smallserial" or "serial2":
                return "smallint";
            case "int8" or "bigint" or "bigserial" or "serial8":
                return "bigint";
            case "bool" or "boolean":
                return "boolean";
            case "float8" or "double precision":
                return "double precision";
            case "float4" or "real":
                return "real";
            case "float":
                return args.Length == 1 && int.TryParse(args[0], out var precision) && precision <= 24 ? "real" : "double precision";
            case "decimal" or "numeric":
                return Plain("numeric", args);
            case "varchar" or "character varying":
                return Plain("character varying", args);
            case "char" or "character" or "bpchar":
                return Plain("character", args.Length == 0 && type.Name != "bpchar" ? ["1"] : args);
            case "varbit" or "bit varying":
                return Plain("bit varying", args);
            case "timestamptz" or "timestamp with time zone":
                return Plain("timestamp", args) + " with time zone";
            case "timestamp" or "timestamp without time zone":
                return Plain("timestamp", args) + " without time zone";
            case "timetz" or "time with time zone":
                return Plain("time", args) + " with time zone";
            case "time" or "time without time zone":
                return Plain("time", args) + " without time zone";
            default:
                return Plain(type.Name, args);
        }
    }

    private static string MySql(DataType type)
    {
        var name = type.Name switch
        {
            "integer" => "int",
            "bool" or "boolean" => "tinyint(1)",
            "dec" or "fixed" or "numeric" => "decimal",
            "double precision" or "real" => "double",
            "character varying" => "varchar",
            "character" => "char",
            _ => type.Name,
        };
        string text;
        if (name == "tinyint(1)")
        {
            text = name;
        }
        else if (name is "int" or "bigint" or "smallint" or "mediumint" || (name == "tinyint" && !(type.Arguments is ["1"])))
        {
            // MySQL 8 ignores integer display widths.
            text = name;
        }
        else
        {
            text = Plain(name, type.Arguments);
        }

        return type.Modifiers is null ? text : text + " " + type.Modifiers;
    }
}
