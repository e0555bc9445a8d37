using System.Net.Http.Json;
using MassTransit;
using Shop.Core.Messages;

namespace Shop.Worker.Services;

/// <summary>
/// Every few minutes asks the payments service for charges that stayed pending (lost webhooks) and
/// republishes their outcome, so orders do not hang in Pending.
/// </summary>
public sealed class PendingPaymentReconciler : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IBus _bus;
    private readonly ILogger<PendingPaymentReconciler> _logger;

    public PendingPaymentReconciler(IHttpClientFactory httpClientFactory, IBus bus, ILogger<PendingPaymentReconciler> logger)
    {
        _httpClientFactory = httpClientFactory;
        _bus = bus;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Payment reconciliation failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var http = _httpClientFactory.CreateClient("payments");
        var settled = await http.GetFromJsonAsync<List<SettledCharge>>("v1/charges/settled?since=15m", cancellationToken) ?? [];

        foreach (var charge in settled)
        {
            await _bus.Publish(
                new PaymentCompleted(charge.PaymentId, charge.OrderId, charge.Status == "succeeded", charge.Id, charge.FailureMessage),
                cancellationToken);
        }

        if (settled.Count > 0)
        {
            _logger.LogInformation("Republished {Count} settled charges", settled.Count);
        }
    }

    private sealed record SettledCharge(string Id, Guid PaymentId, int OrderId, string Status, string? FailureMessage);
}
