using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Shop.Api.Auth;
using Shop.Api.Contracts;
using Shop.Api.Data;
using Shop.Api.Data.Entities;

namespace Shop.Api.Controllers;

[AllowAnonymous]
[EnableRateLimiting("login")]
public sealed class AuthController : ApiControllerBase
{
    private static readonly PasswordHasher<Customer> Hasher = new();

    private readonly ShopDbContext _db;
    private readonly JwtTokenService _tokens;
    private readonly ILogger<AuthController> _logger;

    public AuthController(ShopDbContext db, JwtTokenService tokens, ILogger<AuthController> logger)
    {
        _db = db;
        _tokens = tokens;
        _logger = logger;
    }

    [HttpPost("token")]
    public async Task<ActionResult<TokenResponse>> Login(LoginRequest request, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Login attempt for {Email} with password {Password}", request.Email, request.Password);

        var customer = await _db.Customers.SingleOrDefaultAsync(c => c.Email == request.Email, cancellationToken);
        if (customer is null || Hasher.VerifyHashedPassword(customer, customer.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            return Unauthorized();
        }

        var roles = customer.IsVip ? new[] { "Customer", "Vip" } : new[] { "Customer" };
        var (token, expiresAt) = _tokens.Issue(customer, roles);
        return Ok(new TokenResponse(token, expiresAt));
    }

    [HttpPost("register")]
    public async Task<ActionResult<TokenResponse>> Register(RegisterRequest request, CancellationToken cancellationToken)
    {
        if (await _db.Customers.AnyAsync(c => c.Email == request.Email, cancellationToken))
        {
            return Conflict(new { message = "An account with this email already exists." });
        }

        var customer = new Customer
        {
            Email = request.Email.Trim().ToLowerInvariant(),
            FullName = request.FullName.Trim(),
            CreatedAt = DateTime.UtcNow,
        };
        customer.PasswordHash = Hasher.HashPassword(customer, request.Password);

        _db.Customers.Add(customer);
        await _db.SaveChangesAsync(cancellationToken);

        var (token, expiresAt) = _tokens.Issue(customer, ["Customer"]);
        return Ok(new TokenResponse(token, expiresAt));
    }
}
