using System.ComponentModel.DataAnnotations;

namespace Shop.Api.Data.Entities;

public class Payment
{
    public Guid Id { get; set; }

    public int OrderId { get; set; }

    public virtual Order Order { get; set; } = null!;

    public float Amount { get; set; }

    [Required]
    [MaxLength(3)]
    public string Currency { get; set; } = "EUR";

    [Required]
    [MaxLength(32)]
    public string Provider { get; set; } = "stripe";

    [MaxLength(128)]
    public string? ProviderReference { get; set; }

    public PaymentStatus Status { get; set; }

    [MaxLength(500)]
    public string? FailureReason { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Failed,
    Refunded,
}
