namespace Shop.Api.Contracts;

public sealed record LoginRequest(string Email, string Password);

public sealed record RegisterRequest(string Email, string Password, string FullName);

public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);
