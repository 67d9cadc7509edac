using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Security;

/// <summary>The web app's data-protection keys in the ops table, against DynamoDB Local: what one process protects, another reads.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class DataProtectionKeysTests(EmulatorFixture emulators)
{
    /// <summary>One "process": Core plus data protection as the web app wires it, on the given tables.</summary>
    private ServiceProvider Process(string ops, string? kmsKeyId = null, Uri? kms = null, FaultProxy? dynamoDb = null) => emulators.Services(
        s =>
        {
            s["Platform:Tables:Ops"] = ops;
            s["Platform:DataProtectionKmsKeyId"] = kmsKeyId;
            if (dynamoDb is not null) s["Platform:Sandbox:DynamoDbClientEndpoint"] = $"http://127.0.0.1:{dynamoDb.Port}";
        },
        s =>
        {
            s.AddConsoleDataProtection();
            if (kms is not null)
                s.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new Amazon.KeyManagementService.AmazonKeyManagementServiceClient(
                    new Amazon.Runtime.BasicAWSCredentials("test", "test"), new Amazon.KeyManagementService.AmazonKeyManagementServiceConfig { ServiceURL = kms.ToString() }));
        });

    private static async Task<string> OpsTableAsync(ServiceProvider services)
    {
        await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        return services.GetRequiredService<PlatformSchema>().Ops.Name;
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> StoredKeysAsync(ServiceProvider services, string ops) =>
        (await services.GetRequiredService<IAmazonDynamoDB>().QueryAsync(new QueryRequest
        {
            TableName = ops, KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = OpsTableXmlRepository.Pk } },
        })).Items;

    [Fact]
    public async Task A_cookie_protected_by_one_process_is_read_by_the_next_one_through_the_ops_table()
    {
        await using var setup = emulators.Services();
        var ops = await OpsTableAsync(setup);
        string protectedText;
        await using (var first = Process(ops))
            protectedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("session of Ada");

        await using var second = Process(ops);
        var read = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(protectedText);

        Assert.Equal("session of Ada", read);
        var key = Assert.Single(await StoredKeysAsync(setup, ops));
        Assert.StartsWith("key-", key["sk"].S);
        Assert.Contains("<masterKey", key["xml"].S);
    }

    /// <summary>DynamoDB Local closes connections it accepted while it starts; a key ring read cut off so is "cannot serve now".</summary>
    [Fact]
    public async Task A_key_ring_read_whose_connection_closes_before_the_answer_uses_keys_from_memory_as_when_dynamodb_is_down()
    {
        await using var setup = emulators.Services();
        var ops = await OpsTableAsync(setup);
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        var hungUp = 0;
        proxy.Received += r => { if (r.Operation == "Query") Interlocked.Increment(ref hungUp); };
        proxy.Schedule = (_, r) => r.Operation == "Query" ? Fault.Hangup : Fault.None;
        await using var process = Process(ops, dynamoDb: proxy);

        var protector = process.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie");
        var read = protector.Unprotect(protector.Protect("session of Ada"));

        Assert.Equal("session of Ada", read);
        Assert.True(hungUp > 0, "the key ring was read through the proxy");
    }

    [Fact]
    public async Task A_key_made_before_the_ops_table_exists_is_used_from_memory_and_written_once_the_table_answers()
    {
        var ops = $"later-{Guid.NewGuid():N}"[..20];
        await using var early = Process(ops);
        var protectedText = early.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("session of Ada");
        var beforeTheTable = early.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(protectedText);

        await using var setup = emulators.Services(s => s["Platform:Tables:Ops"] = ops);
        await OpsTableAsync(setup);
        early.GetRequiredService<OpsTableXmlRepository>().GetAllElements();
        await using var next = Process(ops);
        var afterARestart = next.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(protectedText);

        Assert.Equal("session of Ada", beforeTheTable);
        Assert.Equal("session of Ada", afterARestart);
        Assert.Single(await StoredKeysAsync(setup, ops));
    }

    [Fact]
    public async Task With_a_kms_key_the_stored_key_is_encrypted_and_the_next_process_decrypts_it_through_kms()
    {
        await using var kms = new FakeKms();
        await using var setup = emulators.Services();
        var ops = await OpsTableAsync(setup);
        string protectedText;
        await using (var first = Process(ops, "alias/console-keys", kms.Uri))
            protectedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("session of Ada");

        await using var second = Process(ops, "alias/console-keys", kms.Uri);
        var read = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(protectedText);

        Assert.Equal("session of Ada", read);
        var xml = Assert.Single(await StoredKeysAsync(setup, ops))["xml"].S;
        Assert.DoesNotContain("<masterKey", xml);
        Assert.Contains("<encryptedKey", xml);
        Assert.Contains(nameof(KmsXmlDecryptor), xml);
        Assert.Equal(["TrentService.Encrypt", "TrentService.Decrypt"], kms.Calls.Distinct());
        Assert.All(kms.Contexts, c => Assert.Equal("creator-platform-admin-console/data-protection", c));
    }

    /// <summary>
    /// KMS has no local emulator: its documented JSON protocol (Encrypt, Decrypt) served from a listener. The "ciphertext"
    /// is the plaintext reversed, enough to prove that the key is stored encrypted and read back through Decrypt.
    /// </summary>
    private sealed class FakeKms : IAsyncDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task loop;

        public FakeKms()
        {
            Uri = new Uri($"http://127.0.0.1:{SandboxEmulators.FreePort()}/");
            listener.Prefixes.Add(Uri.ToString());
            listener.Start();
            loop = Task.Run(ServeAsync);
        }

        public Uri Uri { get; }
        public List<string> Calls { get; } = [];
        public List<string?> Contexts { get; } = [];

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                var target = context.Request.Headers["X-Amz-Target"] ?? "";
                var body = JsonNode.Parse(await new StreamReader(context.Request.InputStream).ReadToEndAsync())!;
                lock (Calls)
                {
                    Calls.Add(target);
                    Contexts.Add((string?)body["EncryptionContext"]?["purpose"]);
                }
                object answer = target.EndsWith("Encrypt", StringComparison.Ordinal)
                    ? new { CiphertextBlob = Reverse((string)body["Plaintext"]!), KeyId = "arn:aws:kms:us-east-1:111122223333:key/test" }
                    : new { Plaintext = Reverse((string)body["CiphertextBlob"]!), KeyId = "arn:aws:kms:us-east-1:111122223333:key/test" };
                var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(answer));
                context.Response.ContentType = "application/x-amz-json-1.1";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        private static string Reverse(string base64) => Convert.ToBase64String(Convert.FromBase64String(base64).Reverse().ToArray());

        public async ValueTask DisposeAsync()
        {
            // Close alone: after Stop, Close unregisters the prefix again, and on Linux that binds the port anew, which
            // fails with "Address already in use" once another test has been given the port.
            listener.Close();
            await loop;
        }
    }
}
