using MassTransit;
using Shop.Core.Notifications;
using Shop.Worker.Consumers;
using Shop.Worker.Services;

var builder = Host.CreateApplicationBuilder(args);
var configuration = builder.Configuration;

builder.Services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();

builder.Services.AddHttpClient("payments", client =>
{
    client.BaseAddress = new Uri(configuration["Services:Payments:BaseUrl"]!);
    client.Timeout = TimeSpan.FromSeconds(15);
});

builder.Services.AddMassTransit(x =>
{
    x.SetKebabCaseEndpointNameFormatter();
    x.AddConsumer<OrderPlacedConsumer>();
    x.AddConsumer<OrderShippedEmailConsumer>();

    x.UsingRabbitMq((context, cfg) =>
    {
        cfg.Host(configuration["RabbitMq:Host"], "/", host =>
        {
            host.Username(configuration["RabbitMq:Username"]!);
            host.Password(configuration["RabbitMq:Password"]!);
        });
        cfg.PrefetchCount = 16;
        cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)));
        cfg.ConfigureEndpoints(context);
    });
});

builder.Services.AddHostedService<PendingPaymentReconciler>();

var host = builder.Build();
host.Run();
