#!/usr/bin/env python3
"""Writes a synthetic multi-service ASP.NET Core repository of a requested size, for benchmarks.

The output looks like a real backend monorepo: one Web SDK project per ~50k lines with Program.cs
(authentication, policies, nested route groups), controllers, minimal API endpoint files, entities,
a DbContext with entity configurations, EF Core migrations with their .Designer.cs files and a model
snapshot, and appsettings. As in real repositories, the generated EF files (designers and snapshot)
hold about 60% of the lines, because every designer repeats the whole model as it was then.
Most hand-written C# files open with `#nullable enable` and a few endpoints sit under `#if DEBUG`.
The root has a Visual Studio style .gitignore (about 170 rules) and each service holds a few small
files it ignores (client build output, logs, local settings, publish output), so a scan's walk
matches every path against a real-sized rule set.

The same --lines and --seed always give byte-identical files. Standard library only.

    python3 bench/generate.py --lines 200000 --out /tmp/bench-200k --seed 1
"""

import argparse
import os
import random
import shutil
import sys

MARKER = ".bench-generated"
LINES_PER_SERVICE = 50_000
GENERATED_SHARE = 0.60
MIN_LINES = 5_000
# Size planning: Program.cs, csproj, appsettings and the DbContext before any entity; the lines
# each entity adds to Program.cs and the DbContext; a migration file's lines around its CreateTables.
FIXED_SERVICE_LINES = 60
PER_ENTITY_SHARED_LINES = 3
MIGRATION_WRAPPER_LINES = 20
MODEL_FILE_WRAPPER_LINES = 32
MAX_LINES = 5_000_000

SERVICE_NAMES = [
    "Catalog", "Ordering", "Billing", "Identity", "Shipping", "Inventory", "Notifications",
    "Reporting", "Pricing", "Loyalty", "Payments", "Search", "Reviews", "Returns", "Warehouse",
    "Procurement", "Scheduling", "Support", "Marketing", "Accounting", "Fulfilment", "Audit",
    "Documents", "Subscriptions", "Partners", "Tenancy", "Compliance", "Forecasting", "Media",
    "Recommendations", "Fleet", "Customs", "Taxation", "Vouchers", "Messaging", "Onboarding",
    "Contracts", "Claims", "Surveys", "Telemetry",
]

NOUNS = [
    "Customer", "Order", "Invoice", "Product", "Supplier", "Shipment", "Parcel", "Carrier",
    "Address", "Payment", "Refund", "Voucher", "Campaign", "Discount", "Category", "Brand",
    "Warehouse", "Bin", "Stock", "Reservation", "Ticket", "Agent", "Contract", "Tariff", "Tax",
    "Region", "Currency", "Account", "Ledger", "Journal", "Budget", "Project", "Assignment", "Team",
    "Member", "Role", "Device", "Sensor", "Reading", "Alert", "Report", "Document", "Template",
    "Subscription", "Plan", "Feature", "Tenant", "Partner", "Vendor", "Quote", "Claim", "Policy",
    "Survey", "Question", "Answer", "Review", "Rating", "Return", "Delivery", "Vehicle", "Driver",
]

SUFFIXES = ["", "Line", "Note", "Event", "History", "Snapshot", "Item", "Group", "Setting", "Link"]

PROPERTY_NAMES = [
    "Name", "Code", "Description", "Status", "Reference", "Title", "Email", "Phone", "Notes",
    "Quantity", "Amount", "Price", "Weight", "Priority", "Sequence", "Score", "Total", "Balance",
    "CreatedAt", "UpdatedAt", "ExpiresAt", "DueDate", "IsActive", "IsArchived", "IsDefault",
    "ExternalId", "CorrelationId", "Version", "Country", "City", "PostalCode", "Locale",
]

# (C# type, EF column type, CLR type name used by migrationBuilder)
TYPES = {
    "string": ("string", "character varying({n})", "string"),
    "text": ("string", "text", "string"),
    "int": ("int", "integer", "int"),
    "long": ("long", "bigint", "long"),
    "decimal": ("decimal", "numeric(18,2)", "decimal"),
    "DateTime": ("DateTime", "timestamp with time zone", "DateTime"),
    "bool": ("bool", "boolean", "bool"),
    "Guid": ("Guid", "uuid", "Guid"),
}

PROPERTY_KINDS = {
    "Name": "string", "Code": "string", "Description": "text", "Status": "string",
    "Reference": "string", "Title": "string", "Email": "string", "Phone": "string", "Notes": "text",
    "Quantity": "int", "Amount": "decimal", "Price": "decimal", "Weight": "decimal",
    "Priority": "int", "Sequence": "int", "Score": "int", "Total": "decimal", "Balance": "decimal",
    "CreatedAt": "DateTime", "UpdatedAt": "DateTime", "ExpiresAt": "DateTime", "DueDate": "DateTime",
    "IsActive": "bool", "IsArchived": "bool", "IsDefault": "bool", "ExternalId": "Guid",
    "CorrelationId": "Guid", "Version": "long", "Country": "string", "City": "string",
    "PostalCode": "string", "Locale": "string",
}


def count_lines(text):
    """Counts lines the way the scanner does: newlines, plus one for an unterminated last line."""
    if not text:
        return 0
    n = text.count("\n")
    return n if text.endswith("\n") else n + 1


def plural(name):
    if name.endswith("y") and not name.endswith(("ay", "ey", "oy")):
        return name[:-1] + "ies"
    if name.endswith(("s", "x", "ch", "sh")):
        return name + "es"
    return name + "s"


def kebab(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0:
            out.append("-")
        out.append(ch.lower())
    return "".join(out)


def service_name(index):
    base = SERVICE_NAMES[index % len(SERVICE_NAMES)]
    return base if index < len(SERVICE_NAMES) else f"{base}{index // len(SERVICE_NAMES) + 1}"


class Property:
    def __init__(self, name, kind, max_length, required):
        self.name = name
        self.kind = kind
        self.max_length = max_length
        self.required = required

    @property
    def clr(self):
        return TYPES[self.kind][0]

    @property
    def column_type(self):
        return TYPES[self.kind][1].format(n=self.max_length)

    @property
    def nullable_reference(self):
        return self.clr == "string" and not self.required


class Entity:
    def __init__(self, name, properties, parent, id_kind):
        self.name = name
        self.plural = plural(name)
        self.properties = properties
        self.parent = parent
        self.id_kind = id_kind
        self.style = "controller"
        self.indexes = []

    @property
    def id_clr(self):
        return "Guid" if self.id_kind == "Guid" else "int"

    @property
    def id_route(self):
        return "{id:guid}" if self.id_kind == "Guid" else "{id:int}"


def entity_names(rng):
    """Endless, unique entity names: every noun, then every noun with each suffix, then numbered."""
    nouns = NOUNS[:]
    rng.shuffle(nouns)
    round_ = 0
    while True:
        suffix = SUFFIXES[round_ % len(SUFFIXES)]
        number = str(round_ // len(SUFFIXES) + 1) if round_ >= len(SUFFIXES) else ""
        for noun in nouns:
            yield noun + suffix + number
        round_ += 1


def make_entities(rng):
    """Yields entities one by one; the first k are the same whatever number is taken."""
    entities = []
    for name in entity_names(rng):
        props = []
        for pn in rng.sample(PROPERTY_NAMES, rng.randint(4, 10)):
            props.append(Property(pn, PROPERTY_KINDS[pn], rng.choice([32, 64, 100, 200, 256, 500]), rng.random() < 0.6))
        parent = entities[rng.randrange(len(entities))] if entities and rng.random() < 0.55 else None
        entity = Entity(name, props, parent, "Guid" if rng.random() < 0.25 else "int")
        entity.style = rng.choice(["controller", "controller", "controller", "minimal", "minimal", "both"])
        if parent is not None:
            entity.indexes.append(parent.name + "Id")
        for p in props:
            if p.name in ("Code", "Reference", "ExternalId") and rng.random() < 0.5:
                entity.indexes.append(p.name)
        entities.append(entity)
        yield entity


# ---------------------------------------------------------------- hand-written-looking files

def render_csproj(svc):
    return f"""<Project Sdk="Microsoft.NET.Sdk.Web">

  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RootNamespace>{svc}.Api</RootNamespace>
    <UserSecretsId>{svc.lower()}-api-secrets</UserSecretsId>
  </PropertyGroup>

  <ItemGroup>
    <PackageReference Include="Microsoft.AspNetCore.Authentication.JwtBearer" Version="8.0.8" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="8.0.8" PrivateAssets="all" />
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.4" />
    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.7.3" />
  </ItemGroup>

</Project>
"""


def render_program(svc, entities, rng):
    lower = svc.lower()
    services = "\n".join(
        f"builder.Services.AddScoped<I{e.name}Service, {e.name}Service>();" for e in entities)
    minimal = [e for e in entities if e.style in ("minimal", "both")]
    maps = "\n".join(f"v1.Map{e.name}Endpoints();" for e in minimal)
    fallback = ""
    if rng.random() < 0.5:
        fallback = """
    options.FallbackPolicy = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .Build();"""
    return f"""using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using {svc}.Api.Data;
using {svc}.Api.Endpoints;
using {svc}.Api.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<{svc}DbContext>(options =>
    options.UseNpgsql(builder.Configuration.GetConnectionString("{svc}")));

builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {{
        options.Authority = builder.Configuration["Auth:Authority"];
        options.Audience = "{lower}-api";
        options.TokenValidationParameters = new TokenValidationParameters
        {{
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Auth:SigningKey"]!)),
        }};
    }});

builder.Services.AddAuthorization(options =>
{{
    options.AddPolicy("{lower}.read", policy => policy.RequireClaim("scope", "{lower}.read"));
    options.AddPolicy("{lower}.write", policy => policy.RequireClaim("scope", "{lower}.write"));
    options.AddPolicy("{lower}.admin", policy => policy.RequireRole("Admin"));{fallback}
}});

builder.Services.AddControllers();
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen();
builder.Services.AddHealthChecks();

{services}

var app = builder.Build();

if (app.Environment.IsDevelopment())
{{
    app.UseSwagger();
    app.UseSwaggerUI();
}}

app.UseHttpsRedirection();
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();

var api = app.MapGroup("/api");
var v1 = api.MapGroup("/v1").RequireAuthorization("{lower}.read");
{maps}

app.MapHealthChecks("/health").AllowAnonymous();

app.Run();
"""


def render_entity(svc, e):
    lines = [f"namespace {svc}.Api.Domain;", "", f"public class {e.name}", "{"]
    if e.id_kind == "Guid":
        lines.append("    public Guid Id { get; set; }")
    else:
        lines.append("    public int Id { get; set; }")
    for p in e.properties:
        lines.append("")
        if p.clr == "string":
            if p.nullable_reference:
                lines.append(f"    public string? {p.name} {{ get; set; }}")
            else:
                lines.append(f"    public string {p.name} {{ get; set; }} = string.Empty;")
        else:
            lines.append(f"    public {p.clr} {p.name} {{ get; set; }}")
    if e.parent is not None:
        lines.append("")
        lines.append(f"    public {e.parent.id_clr} {e.parent.name}Id {{ get; set; }}")
        lines.append("")
        lines.append(f"    public {e.parent.name} {e.parent.name} {{ get; set; }} = null!;")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_configuration(svc, e):
    lines = [
        "using Microsoft.EntityFrameworkCore;",
        "using Microsoft.EntityFrameworkCore.Metadata.Builders;",
        f"using {svc}.Api.Domain;",
        "",
        f"namespace {svc}.Api.Data.Configurations;",
        "",
        f"public sealed class {e.name}Configuration : IEntityTypeConfiguration<{e.name}>",
        "{",
        f"    public void Configure(EntityTypeBuilder<{e.name}> builder)",
        "    {",
        f"        builder.ToTable(\"{e.plural}\");",
        "        builder.HasKey(x => x.Id);",
    ]
    for p in e.properties:
        if p.clr != "string":
            continue
        chain = f"        builder.Property(x => x.{p.name})"
        if p.required:
            chain += ".IsRequired()"
        if p.kind == "string":
            chain += f".HasMaxLength({p.max_length})"
        lines.append(chain + ";")
    for p in e.properties:
        if p.kind == "decimal":
            lines.append(f"        builder.Property(x => x.{p.name}).HasPrecision(18, 2);")
    if e.parent is not None:
        lines.append(f"        builder.HasOne(x => x.{e.parent.name})")
        lines.append("            .WithMany()")
        lines.append(f"            .HasForeignKey(x => x.{e.parent.name}Id)")
        lines.append("            .OnDelete(DeleteBehavior.Cascade);")
    for ix in e.indexes:
        unique = ".IsUnique()" if ix in ("Code", "ExternalId") else ""
        lines.append(f"        builder.HasIndex(x => x.{ix}){unique};")
    lines += ["    }", "}"]
    return "\n".join(lines) + "\n"


def render_dbcontext(svc, entities):
    sets = "\n".join(f"    public DbSet<{e.name}> {e.plural} => Set<{e.name}>();" for e in entities)
    return f"""using Microsoft.EntityFrameworkCore;
using {svc}.Api.Domain;

namespace {svc}.Api.Data;

public class {svc}DbContext : DbContext
{{
    public {svc}DbContext(DbContextOptions<{svc}DbContext> options)
        : base(options)
    {{
    }}

{sets}

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {{
        modelBuilder.HasDefaultSchema("{svc.lower()}");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof({svc}DbContext).Assembly);
    }}
}}
"""


def dto_fields(e):
    fields = [f"{e.id_clr} Id"]
    for p in e.properties[:5]:
        fields.append(f"{p.clr}{'?' if p.nullable_reference else ''} {p.name}")
    return ", ".join(fields)


def render_service(svc, e):
    first = e.properties[0]
    order = f".OrderBy(x => x.{first.name})"
    return f"""using Microsoft.EntityFrameworkCore;
using {svc}.Api.Data;
using {svc}.Api.Domain;

namespace {svc}.Api.Services;

public interface I{e.name}Service
{{
    Task<IReadOnlyList<{e.name}>> ListAsync(int page, int pageSize, CancellationToken cancellationToken);

    Task<{e.name}?> FindAsync({e.id_clr} id, CancellationToken cancellationToken);

    Task<{e.name}> CreateAsync({e.name} entity, CancellationToken cancellationToken);

    Task<bool> DeleteAsync({e.id_clr} id, CancellationToken cancellationToken);
}}

public sealed class {e.name}Service : I{e.name}Service
{{
    private readonly {svc}DbContext _db;
    private readonly ILogger<{e.name}Service> _logger;

    public {e.name}Service({svc}DbContext db, ILogger<{e.name}Service> logger)
    {{
        _db = db;
        _logger = logger;
    }}

    public async Task<IReadOnlyList<{e.name}>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {{
        pageSize = Math.Clamp(pageSize, 1, 200);
        return await _db.{e.plural}
            .AsNoTracking()
            {order}
            .Skip((Math.Max(page, 1) - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
    }}

    public Task<{e.name}?> FindAsync({e.id_clr} id, CancellationToken cancellationToken) =>
        _db.{e.plural}.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);

    public async Task<{e.name}> CreateAsync({e.name} entity, CancellationToken cancellationToken)
    {{
        _db.{e.plural}.Add(entity);
        await _db.SaveChangesAsync(cancellationToken);
        _logger.LogInformation("Created {e.name} {{Id}}", entity.Id);
        return entity;
    }}

    public async Task<bool> DeleteAsync({e.id_clr} id, CancellationToken cancellationToken)
    {{
        var deleted = await _db.{e.plural}.Where(x => x.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0;
    }}
}}
"""


def render_controller(svc, e, rng):
    lower = svc.lower()
    class_auth = rng.choice(["[Authorize]", f"[Authorize(Policy = \"{lower}.read\")]", "[Authorize]"])
    list_auth = "    [AllowAnonymous]\n" if rng.random() < 0.15 else ""
    delete_auth = rng.choice([
        "    [Authorize(Roles = \"Admin\")]\n",
        f"    [Authorize(Policy = \"{lower}.admin\")]\n",
        "    [Authorize(Roles = \"Admin,Support\")]\n",
    ])
    return f"""using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using {svc}.Api.Domain;
using {svc}.Api.Services;

namespace {svc}.Api.Controllers;

[ApiController]
[Route("api/[controller]")]
{class_auth}
public sealed class {e.plural}Controller : ControllerBase
{{
    private readonly I{e.name}Service _service;

    public {e.plural}Controller(I{e.name}Service service)
    {{
        _service = service;
    }}

    [HttpGet]
{list_auth}    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<{e.name}Dto>>> List(
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default)
    {{
        var items = await _service.ListAsync(page, pageSize, cancellationToken);
        return Ok(items.Select({e.name}Dto.From).ToList());
    }}

    [HttpGet("{e.id_route}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<{e.name}Dto>> Get({e.id_clr} id, CancellationToken cancellationToken)
    {{
        var item = await _service.FindAsync(id, cancellationToken);
        return item is null ? NotFound() : Ok({e.name}Dto.From(item));
    }}

    [HttpPost]
    [Authorize(Policy = "{lower}.write")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<{e.name}Dto>> Create([FromBody] {e.name} request, CancellationToken cancellationToken)
    {{
        var created = await _service.CreateAsync(request, cancellationToken);
        return CreatedAtAction(nameof(Get), new {{ id = created.Id }}, {e.name}Dto.From(created));
    }}

    [HttpDelete("{e.id_route}")]
{delete_auth}    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete({e.id_clr} id, CancellationToken cancellationToken)
    {{
        return await _service.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();
    }}
}}

public sealed record {e.name}Dto({dto_fields(e)})
{{
    public static {e.name}Dto From({e.name} entity) =>
        new(entity.Id, {", ".join(f"entity.{p.name}" for p in e.properties[:5])});
}}
"""


def render_endpoints(svc, e, rng):
    lower = svc.lower()
    route = "/" + kebab(e.plural)
    export = ""
    if rng.random() < 0.3:
        export = f"""
        group.MapGet("/export", async (I{e.name}Service service, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(1, 200, ct)))
            .AllowAnonymous();
"""
    return f"""using Microsoft.AspNetCore.Http.HttpResults;
using {svc}.Api.Domain;
using {svc}.Api.Services;

namespace {svc}.Api.Endpoints;

public static class {e.name}Endpoints
{{
    public static RouteGroupBuilder Map{e.name}Endpoints(this RouteGroupBuilder api)
    {{
        var group = api.MapGroup("{route}").WithTags("{e.plural}");

        group.MapGet("/", async (I{e.name}Service service, int? page, int? pageSize, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(page ?? 1, pageSize ?? 50, ct)));

        group.MapGet("/{e.id_route}", async Task<Results<Ok<{e.name}>, NotFound>> ({e.id_clr} id, I{e.name}Service service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is {{ }} item ? TypedResults.Ok(item) : TypedResults.NotFound())
            .WithName("Get{e.name}");

        group.MapPost("/", async ({e.name} body, I{e.name}Service service, CancellationToken ct) =>
        {{
            var created = await service.CreateAsync(body, ct);
            return Results.Created($"{route}/{{created.Id}}", created);
        }})
            .RequireAuthorization("{lower}.write");

        group.MapDelete("/{e.id_route}", async ({e.id_clr} id, I{e.name}Service service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization("{lower}.admin");
{export}
        return api;
    }}
}}
"""


def render_appsettings(svc, rng):
    port = 5432 + rng.randrange(0, 3)
    return f"""{{
  "Logging": {{
    "LogLevel": {{
      "Default": "Information",
      "Microsoft.AspNetCore": "Warning"
    }}
  }},
  "AllowedHosts": "*",
  "ConnectionStrings": {{
    "{svc}": "Host=postgres;Port={port};Database={svc.lower()};Username={svc.lower()}_app"
  }},
  "Auth": {{
    "Authority": "https://identity.internal.example",
    "SigningKey": ""
  }}
}}
"""


# ---------------------------------------------------------------- EF-generated files

def migration_column(p):
    args = [f"type: \"{p.column_type}\""]
    if p.kind == "string":
        args.append(f"maxLength: {p.max_length}")
    args.append(f"nullable: {'false' if p.required or p.clr != 'string' else 'true'}")
    return f"                    {p.name} = table.Column<{p.clr}>({', '.join(args)}),"


def render_migration(svc, class_name, created):
    up, down = [], []
    for e in created:
        up.append("            migrationBuilder.CreateTable(")
        up.append(f"                name: \"{e.plural}\",")
        up.append(f"                schema: \"{svc.lower()}\",")
        up.append("                columns: table => new")
        up.append("                {")
        if e.id_kind == "Guid":
            up.append("                    Id = table.Column<Guid>(type: \"uuid\", nullable: false),")
        else:
            up.append("                    Id = table.Column<int>(type: \"integer\", nullable: false)")
            up.append("                        .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),")
        for p in e.properties:
            up.append(migration_column(p))
        if e.parent is not None:
            pt = "uuid" if e.parent.id_kind == "Guid" else "integer"
            up.append(f"                    {e.parent.name}Id = table.Column<{e.parent.id_clr}>(type: \"{pt}\", nullable: false),")
        up.append("                },")
        up.append("                constraints: table =>")
        up.append("                {")
        up.append(f"                    table.PrimaryKey(\"PK_{e.plural}\", x => x.Id);")
        if e.parent is not None:
            up.append("                    table.ForeignKey(")
            up.append(f"                        name: \"FK_{e.plural}_{e.parent.plural}_{e.parent.name}Id\",")
            up.append(f"                        column: x => x.{e.parent.name}Id,")
            up.append(f"                        principalSchema: \"{svc.lower()}\",")
            up.append(f"                        principalTable: \"{e.parent.plural}\",")
            up.append("                        principalColumn: \"Id\",")
            up.append("                        onDelete: ReferentialAction.Cascade);")
        up.append("                });")
        up.append("")
        for ix in e.indexes:
            up.append("            migrationBuilder.CreateIndex(")
            up.append(f"                name: \"IX_{e.plural}_{ix}\",")
            up.append(f"                schema: \"{svc.lower()}\",")
            up.append(f"                table: \"{e.plural}\",")
            up.append(f"                column: \"{ix}\"{', unique: true' if ix in ('Code', 'ExternalId') else ''});")
            up.append("")
    for e in reversed(created):
        down.append("            migrationBuilder.DropTable(")
        down.append(f"                name: \"{e.plural}\",")
        down.append(f"                schema: \"{svc.lower()}\");")
        down.append("")
    up_text = "\n".join(up).rstrip() + "\n"
    down_text = "\n".join(down).rstrip() + "\n"
    return f"""using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace {svc}.Api.Migrations
{{
    /// <inheritdoc />
    public partial class {class_name} : Migration
    {{
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {{
{up_text}        }}

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {{
{down_text}        }}
    }}
}}
"""


def model_block(svc, e):
    ind = "                    "
    out = [f"            modelBuilder.Entity(\"{svc}.Api.Domain.{e.name}\", b =>", "                {"]
    if e.id_kind == "Guid":
        out += [f"{ind}b.Property<Guid>(\"Id\")", f"{ind}    .ValueGeneratedOnAdd()", f"{ind}    .HasColumnType(\"uuid\");", ""]
    else:
        out += [f"{ind}b.Property<int>(\"Id\")", f"{ind}    .ValueGeneratedOnAdd()", f"{ind}    .HasColumnType(\"integer\");", "",
                f"{ind}NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>(\"Id\"));", ""]
    props = list(e.properties)
    if e.parent is not None:
        props.append(Property(e.parent.name + "Id", "Guid" if e.parent.id_kind == "Guid" else "int", 0, True))
    for p in sorted(props, key=lambda x: x.name):
        out.append(f"{ind}b.Property<{p.clr}>(\"{p.name}\")")
        if p.clr == "string" and p.required:
            out.append(f"{ind}    .IsRequired()")
        if p.kind == "string":
            out.append(f"{ind}    .HasMaxLength({p.max_length})")
        if p.kind == "decimal":
            out.append(f"{ind}    .HasPrecision(18, 2)")
        out += [f"{ind}    .HasColumnType(\"{p.column_type}\");", ""]
    out += [f"{ind}b.HasKey(\"Id\");", ""]
    for ix in sorted(e.indexes):
        if ix in ("Code", "ExternalId"):
            out += [f"{ind}b.HasIndex(\"{ix}\")", f"{ind}    .IsUnique();", ""]
        else:
            out += [f"{ind}b.HasIndex(\"{ix}\");", ""]
    out += [f"{ind}b.ToTable(\"{e.plural}\", \"{svc.lower()}\");", "                });", ""]
    return out


def relation_block(svc, e):
    ind = "                    "
    p = e.parent
    return [
        f"            modelBuilder.Entity(\"{svc}.Api.Domain.{e.name}\", b =>",
        "                {",
        f"{ind}b.HasOne(\"{svc}.Api.Domain.{p.name}\", \"{p.name}\")",
        f"{ind}    .WithMany()",
        f"{ind}    .HasForeignKey(\"{p.name}Id\")",
        f"{ind}    .OnDelete(DeleteBehavior.Cascade)",
        f"{ind}    .IsRequired();",
        "",
        f"{ind}b.Navigation(\"{p.name}\");",
        "                });",
        "",
    ]


def render_model(svc, entities, header, footer):
    body = []
    ordered = sorted(entities, key=lambda x: x.name)
    for e in ordered:
        body += model_block(svc, e)
    for e in ordered:
        if e.parent is not None:
            body += relation_block(svc, e)
    while body and body[-1] == "":
        body.pop()
    return header + "\n".join(body) + "\n" + footer


def model_header(svc, attributes, class_line):
    return f"""// <auto-generated />
using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using {svc}.Api.Data;

#nullable disable

namespace {svc}.Api.Migrations
{{
{attributes}    {class_line}
    {{
"""


def render_designer(svc, mig_id, class_name, entities):
    header = model_header(
        svc,
        f"    [DbContext(typeof({svc}DbContext))]\n    [Migration(\"{mig_id}\")]\n",
        f"partial class {class_name}")
    header += """        /// <inheritdoc />
        protected override void BuildTargetModel(ModelBuilder modelBuilder)
        {
#pragma warning disable 612, 618
"""
    header += f"""            modelBuilder
                .HasDefaultSchema("{svc.lower()}")
                .HasAnnotation("ProductVersion", "8.0.8")
                .HasAnnotation("Relational:MaxIdentifierLength", 63);

            NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

"""
    footer = """#pragma warning restore 612, 618
        }
    }
}
"""
    return render_model(svc, entities, header, footer)


def render_snapshot(svc, entities):
    header = model_header(
        svc,
        f"    [DbContext(typeof({svc}DbContext))]\n",
        f"partial class {svc}DbContextModelSnapshot : ModelSnapshot")
    header += """        protected override void BuildModel(ModelBuilder modelBuilder)
        {
#pragma warning disable 612, 618
"""
    header += f"""            modelBuilder
                .HasDefaultSchema("{svc.lower()}")
                .HasAnnotation("ProductVersion", "8.0.8")
                .HasAnnotation("Relational:MaxIdentifierLength", 63);

            NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

"""
    footer = """#pragma warning restore 612, 618
        }
    }
}
"""
    return render_model(svc, entities, header, footer)


# ---------------------------------------------------------------- planning

def chunk(items, parts):
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def plan_migrations(svc, entities, generated_target):
    """Chooses how many migrations share the entities so designer files land near their share."""
    block = []
    for e in entities:
        n = len(model_block(svc, e)) + (len(relation_block(svc, e)) if e.parent is not None else 0)
        block.append(n)
    best, best_err = 1, None
    for m in range(1, len(entities) + 1):
        total = 0
        cumulative = 0
        for part in chunk(list(range(len(entities))), m):
            cumulative += sum(block[i] for i in part)
            total += MODEL_FILE_WRAPPER_LINES + cumulative
        # The model snapshot repeats the final model once more.
        total += MODEL_FILE_WRAPPER_LINES + cumulative
        err = abs(total - generated_target)
        if best_err is None or err < best_err:
            best, best_err = m, err
        if total > generated_target:
            break
    return best


def build_service(index, target, seed):
    svc = service_name(index)
    rng = random.Random(f"{seed}:{index}:{svc}")
    root = f"services/{kebab(svc)}/src/{svc}.Api"
    files = {}
    ignored = ignored_files(svc, root)
    target -= sum(count_lines(t) for t in ignored.values())

    hand_target = target * (1 - GENERATED_SHARE)
    # Entities are added until the hand-written files, plain migrations included, reach their share;
    # Program.cs, the DbContext and the fixed files grow by a few lines per entity.
    entities = []
    hand = FIXED_SERVICE_LINES
    for e in make_entities(random.Random(f"{seed}:{index}:entities")):
        entities.append(e)
        own = {
            f"{root}/Domain/{e.name}.cs": render_entity(svc, e),
            f"{root}/Data/Configurations/{e.name}Configuration.cs": render_configuration(svc, e),
            f"{root}/Services/{e.name}Service.cs": render_service(svc, e),
        }
        if e.style in ("controller", "both"):
            own[f"{root}/Controllers/{e.plural}Controller.cs"] = render_controller(svc, e, rng)
        if e.style in ("minimal", "both"):
            own[f"{root}/Endpoints/{e.name}Endpoints.cs"] = render_endpoints(svc, e, rng)
        files.update(own)
        hand += sum(count_lines(t) for t in own.values())
        hand += count_lines(render_migration(svc, "", [e])) - MIGRATION_WRAPPER_LINES + PER_ENTITY_SHARED_LINES
        if hand >= hand_target and len(entities) >= 3:
            break

    files[f"{root}/{svc}.Api.csproj"] = render_csproj(svc)
    files[f"{root}/appsettings.json"] = render_appsettings(svc, rng)
    files[f"{root}/Program.cs"] = render_program(svc, entities, rng)
    files[f"{root}/Data/{svc}DbContext.cs"] = render_dbcontext(svc, entities)

    hand = sum(count_lines(t) for t in files.values())
    hand += sum(count_lines(render_migration(svc, "", [e])) - MIGRATION_WRAPPER_LINES for e in entities)
    generated_target = max(0, target - hand)
    migrations = plan_migrations(svc, entities, generated_target)
    applied = []
    day = 0
    for number, part in enumerate(chunk(entities, migrations), start=1):
        day += rng.randint(3, 40)
        stamp = _timestamp(day, rng)
        class_name = "Initial" if number == 1 else f"Add{part[0].plural}"
        mig_id = f"{stamp}_{class_name}"
        applied += part
        files[f"{root}/Migrations/{mig_id}.cs"] = render_migration(svc, class_name, part)
        files[f"{root}/Migrations/{mig_id}.Designer.cs"] = render_designer(svc, mig_id, class_name, applied)
    files[f"{root}/Migrations/{svc}DbContextModelSnapshot.cs"] = render_snapshot(svc, entities)
    add_directives(files, root, random.Random(f"{seed}:{index}:directives"))
    files.update(ignored)
    return svc, files


# The share of hand-written C# files that opt in to nullable reference types, as most code bases
# since .NET 6 do file by file; and the share of endpoint files with a debug-only endpoint.
NULLABLE_SHARE = 0.85
DEBUG_ENDPOINT_SHARE = 0.1

DEBUG_ENDPOINT = """#if DEBUG
        group.MapGet("/debug/count", async (CancellationToken ct) => Results.Ok(0))
            .AllowAnonymous();
#endif
"""

DEBUG_PROGRAM = """#if DEBUG
app.MapGet("/debug/routes", () => Results.Ok()).AllowAnonymous();
#endif

"""


def add_directives(files, root, rng):
    """`#nullable enable` atop most hand-written C# files, `#if DEBUG` around an endpoint in a few.

    Uses its own random stream, so the rest of a service is the same as without directives.
    """
    hand_written = sorted(p for p in files if p.endswith(".cs") and "/Migrations/" not in p)
    for path in hand_written:
        if rng.random() < NULLABLE_SHARE:
            files[path] = "#nullable enable\n" + files[path]
    endpoints = [p for p in hand_written if "/Endpoints/" in p]
    debug = [p for p in endpoints if rng.random() < DEBUG_ENDPOINT_SHARE] or endpoints[:1]
    for path in debug:
        files[path] = files[path].replace("        return api;\n", DEBUG_ENDPOINT + "        return api;\n", 1)
    if rng.random() < 0.5:
        program = f"{root}/Program.cs"
        files[program] = files[program].replace("app.Run();\n", DEBUG_PROGRAM + "app.Run();\n", 1)


def ignored_files(svc, root):
    """Small files the root .gitignore ignores and a scan would otherwise read."""
    name = kebab(svc)
    return {
        f"{root}/ClientApp/dist/asset-manifest.json": '{ "files": { "main.js": "/static/js/main.js" } }\n',
        f"{root}/ClientApp/dist/static/settings.json": '{ "apiBase": "/api" }\n',
        f"{root}/Logs/{name}-20240101.json": '{ "level": "Information", "message": "started" }\n',
        f"{root}/appsettings.Local.json": '{ "ConnectionStrings": { "Default": "Host=localhost" } }\n',
        f"{root}/Properties/PublishProfiles/FolderProfile.pubxml": "<Project />\n",
        f"{root}/{svc}.Api.csproj.user": "<Project />\n",
        f"{root}/Generated/{svc}Client.generated.cs": f"namespace {svc}.Api.Generated;\n\npublic partial class {svc}Client {{ }}\n",
        f"publish/{name}/appsettings.json": '{ "Logging": { "LogLevel": { "Default": "Warning" } } }\n',
        f"publish/{name}/{svc}.Api.deps.json": '{ "runtimeTarget": { "name": ".NETCoreApp,Version=v8.0" } }\n',
        f"_ReSharper.Caches/{svc}.Api/CachedSymbols.cs": "// cache\n",
        f".cr/personal/{name}/Settings.json": "{}\n",
    }


def _timestamp(day, rng):
    # Days after 2023-01-01 as a plain calendar walk, so no dependency on the local clock.
    month_days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    year, month, d = 2023, 0, day
    while True:
        length = month_days[month] + (1 if month == 1 and year % 4 == 0 else 0)
        if d < length:
            break
        d -= length
        month += 1
        if month == 12:
            month, year = 0, year + 1
    return f"{year:04d}{month + 1:02d}{d + 1:02d}{rng.randrange(24):02d}{rng.randrange(60):02d}{rng.randrange(60):02d}"


# The root .gitignore, in the shape of the Visual Studio template most .NET repositories start from.
GITIGNORE = r"""## Ignore Visual Studio temporary files, build results, and files generated by
## popular Visual Studio add-ons and tools.

# User-specific files
*.rsuser
*.suo
*.user
*.userosscache
*.sln.docstates
*.userprefs

# Mono auto generated files
mono_crash.*

# Build results
[Dd]ebug/
[Dd]ebugPublic/
[Rr]elease/
[Rr]eleases/
x64/
x86/
[Ww][Ii][Nn]32/
[Aa][Rr][Mm]/
[Aa][Rr][Mm]64/
bld/
[Bb]in/
[Oo]bj/
[Ll]og/
[Ll]ogs/

# Visual Studio cache and options directory
.vs/
# Uncomment if you have tasks that create the project's static files in wwwroot
#wwwroot/

# Visual Studio 2017 auto generated files
Generated\ Files/

# MSTest test results
[Tt]est[Rr]esult*/
[Bb]uild[Ll]og.*

# NUnit
*.VisualState.xml
TestResult.xml
nunit-*.xml

# Build results of an ATL project
[Dd]ebugPS/
[Rr]eleasePS/
dlldata.c

# Benchmark results
BenchmarkDotNet.Artifacts/

# .NET Core
project.lock.json
project.fragment.lock.json
artifacts/

# ASP.NET scaffolding
ScaffoldingReadMe.txt

# StyleCop
StyleCopReport.xml

# Files built by Visual Studio
*_i.c
*_p.c
*_h.h
*.ilk
*.meta
*.obj
*.iobj
*.pch
*.pdb
*.ipdb
*.pgc
*.pgd
*.rsp
*.sbr
*.tlb
*.tli
*.tlh
*.tmp
*.tmp_proj
*_wpftmp.csproj
*.log
*.tlog
*.vspscc
*.vssscc
.builds
*.pidb
*.svclog
*.scc

# Visual C++ cache files
ipch/
*.aps
*.ncb
*.opendb
*.opensdf
*.sdf
*.cachefile
*.VC.db
*.VC.VC.opendb

# Visual Studio profiler
*.psess
*.vsp
*.vspx
*.sap

# Visual Studio trace files
*.e2e

# ReSharper is a .NET coding add-in
_ReSharper*/
*.[Rr]e[Ss]harper
*.DotSettings.user

# TeamCity is a build add-in
_TeamCity*

# DotCover is a code coverage tool
*.dotCover

# Coverlet is a free, cross platform code coverage tool
coverage*.json
coverage*.xml
coverage*.info

# Visual Studio code coverage results
*.coverage
*.coveragexml

# NCrunch
_NCrunch_*
.*crunch*.local.xml
nCrunchTemp_*

# Web workbench (sass)
.sass-cache/

# Installshield output folder
[Ee]xpress/

# Click-Once directory
publish/

# Publish Web Output
*.[Pp]ublish.xml
*.azurePubxml
*.pubxml
*.publishproj
PublishScripts/

# NuGet Packages
*.nupkg
*.snupkg
# The packages folder can be ignored because of Package Restore
**/[Pp]ackages/*
# except build/, which is used as an MSBuild target.
!**/[Pp]ackages/build/
# NuGet v3's project.json files produces more ignorable files
*.nuget.props
*.nuget.targets

# Windows Store app package directories and files
AppPackages/
BundleArtifacts/
Package.StoreAssociation.xml
_pkginfo.txt
*.appx
*.appxbundle
*.appxupload

# Visual Studio cache files
# files ending in .cache can be ignored
*.[Cc]ache
# but keep track of directories ending in .cache
!?*.[Cc]ache/

# Others
ClientBin/
~$*
*~
*.dbmdl
*.dbproj.schemaview
*.jfm
*.pfx
*.publishsettings
orleans.codegen.cs

# RIA/Silverlight projects
Generated_Code/

# Backup and report files from converting an old project file
_UpgradeReport_Files/
Backup*/
UpgradeLog*.XML
UpgradeLog*.htm
ServiceFabricBackup/
*.rptproj.bak

# SQL Server files
*.mdf
*.ldf
*.ndf

# Node.js tools for Visual Studio
.ntvs_analysis.dat
node_modules/

# Visual Studio 6 files
*.plg
*.opt
*.vbw

# Paket dependency manager
.paket/paket.exe
paket-files/

# JetBrains Rider
.idea/
*.sln.iml

# CodeRush personal settings
.cr/personal

# Python tools for Visual Studio (PTVS)
__pycache__/
*.pyc

# Local History for Visual Studio
.localhistory/

# Visual Studio Code
.vscode/*
!.vscode/settings.json
!.vscode/tasks.json
!.vscode/launch.json
!.vscode/extensions.json
*.code-workspace

# Ionide (cross platform F# VS Code tools) working folder
.ionide/

# Fody - auto-generated XML schema
FodyWeavers.xsd

# Project additions: generated clients, client builds, machine-local settings
*.generated.cs
**/ClientApp/dist/
appsettings.Local.json
appsettings.*.Local.json
/tools/scratch/
docker-compose.override.yml
.env
!.env.example
"""


def render_compose(services):
    lines = ["services:"]
    for svc in services:
        name = kebab(svc)
        lines += [
            f"  {name}-api:",
            f"    build: ./services/{name}",
            "    environment:",
            "      ASPNETCORE_ENVIRONMENT: Production",
            "    depends_on:",
            "      - postgres",
        ]
    lines += [
        "  postgres:",
        "    image: postgres:16",
        "    environment:",
        "      POSTGRES_USER: app",
        "      POSTGRES_DB: app",
    ]
    return "\n".join(lines) + "\n"


def generate(lines, seed):
    """Returns {relative path: text} for a repository of about `lines` lines."""
    services = max(1, round(lines / LINES_PER_SERVICE))
    per_service = (lines - count_lines(GITIGNORE)) / services
    files = {}
    names = []
    for i in range(services):
        svc, svc_files = build_service(i, per_service, seed)
        names.append(svc)
        files.update(svc_files)
    files["docker-compose.yml"] = render_compose(names)
    files[".gitignore"] = GITIGNORE
    files["Directory.Build.props"] = """<Project>
  <PropertyGroup>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <AnalysisLevel>latest</AnalysisLevel>
  </PropertyGroup>
</Project>
"""
    return files


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, required=True, help=f"target size in lines ({MIN_LINES:,} to {MAX_LINES:,})")
    parser.add_argument("--out", required=True, help="output directory (must be empty, absent, or an earlier output of this script)")
    parser.add_argument("--seed", type=int, default=1, help="seed; the same seed and size give identical files")
    args = parser.parse_args(argv)

    if not MIN_LINES <= args.lines <= MAX_LINES:
        parser.error(f"--lines must be between {MIN_LINES} and {MAX_LINES}")

    out = os.path.abspath(args.out)
    if os.path.exists(out):
        if not os.path.isdir(out):
            parser.error(f"--out is not a directory: {out}")
        if os.listdir(out):
            if not os.path.exists(os.path.join(out, MARKER)):
                parser.error(f"--out is not empty and was not written by this script: {out}")
            shutil.rmtree(out)

    files = generate(args.lines, args.seed)
    total = 0
    generated = 0
    for path in sorted(files):
        text = files[path]
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        n = count_lines(text)
        total += n
        if path.endswith((".Designer.cs", "ModelSnapshot.cs")):
            generated += n
    with open(os.path.join(out, MARKER), "w", encoding="utf-8") as f:
        f.write(f"lines={args.lines} seed={args.seed}\n")

    services = sum(1 for p in files if p.endswith(".csproj"))
    print(f"wrote {out}: {services} services, {len(files)} files, {total} lines "
          f"({generated * 100 // max(total, 1)}% EF designer/snapshot)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
