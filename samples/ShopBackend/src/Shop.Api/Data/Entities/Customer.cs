using System.ComponentModel.DataAnnotations;

namespace Shop.Api.Data.Entities;

public class Customer
{
    public int Id { get; set; }

    [Required]
    [MaxLength(256)]
    public string Email { get; set; } = string.Empty;

    [Required]
    [MaxLength(200)]
    public string FullName { get; set; } = string.Empty;

    [Required]
    public string PasswordHash { get; set; } = string.Empty;

    [MaxLength(32)]
    public string? Phone { get; set; }

    [MaxLength(500)]
    public string? ShippingAddress { get; set; }

    public bool IsVip { get; set; }

    public decimal CreditLimit { get; set; }

    public DateTime CreatedAt { get; set; }
}
