using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>An attack on the citizen web host's connections: a flood of requests that are never finished, more than
/// the process may have files open, from one client (so no request ever reaches the per-client limits). The host runs
/// as its own process, as in production, with an open-file limit of 2 000 so that the flood stays small, and a
/// management port for the orchestrator's probes.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class ConnectionFloodTests(PlatformFixture platform)
{
    private const int FileLimit = 2_000;
    private const string PublicHost = "rendezvous.example";

    [Fact]
    public async Task A_flood_of_unfinished_requests_past_the_open_file_limit_leaves_the_web_host_up_serving_and_probed()
    {
        var port = FreePort.Next();
        var managementPort = FreePort.Next();
        using var web = new HostProcess("Booking.Web", new Dictionary<string, string?>
        {
            // Ports, not addresses, as the container images are given them.
            ["ASPNETCORE_URLS"] = "",
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture),
            ["Management:Port"] = managementPort.ToString(CultureInfo.InvariantCulture),
            // As in production: the public name only. The probes name the host's address, which the management port takes.
            ["AllowedHosts"] = PublicHost,
            ["ConnectionStrings:Booking"] = platform.Database.ConnectionString,
            ["Orleans:ClusterId"] = platform.ClusterId,
            ["Booking:DataProtection:KeyFile"] = platform.KeyFile,
        })
        { FileLimit = FileLimit };
        web.Start();
        using var client = NewConnectionPerRequest(port);
        client.DefaultRequestHeaders.Host = PublicHost;
        using var byAddress = NewConnectionPerRequest(port);
        using var probe = NewConnectionPerRequest(managementPort);
        await Poll.UntilReadyAsync(client, TimeSpan.FromSeconds(90), "the web host to start");
        // The management port is for probes and scrapers only: the application is not reachable round the cap. And it
        // answers them by the host's address, which AllowedHosts refuses on the client port.
        Assert.Equal(HttpStatusCode.BadRequest, (await byAddress.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/services")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await probe.GetAsync("/api/v1/services")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/metrics")).StatusCode);

        var flood = await OpenUnfinishedRequestsAsync(port, FileLimit + 1_000);
        try
        {
            // The flood lasts as an attack would, well short of the host's 30 s wait for a request's headers. The client
            // port is full, but the orchestrator's probes on the management port must be answered, or it restarts the host.
            Assert.Null(await StatusAsync(client, "/health"));
            for (var second = 0; second < 10; second++)
            {
                Assert.False(web.HasExited, $"The web host ended {second} s into the flood:\n{string.Join('\n', web.Output.TakeLast(15))}");
                Assert.Equal(HttpStatusCode.OK, await StatusAsync(probe, "/health"));
                Assert.Equal(HttpStatusCode.OK, await StatusAsync(probe, "/health/ready"));
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        finally
        {
            foreach (var socket in flood)
                socket.Dispose();
        }

        await Poll.UntilReadyAsync(client, TimeSpan.FromSeconds(30), "the web host to serve again after the flood");
        Assert.False(web.HasExited);
        // Some 2 000 refusals in a few seconds are told in a warning or two, not a line each, and every one is counted
        // in them: the host holds at most its cap of half the file limit, so at least the rest of the flood was refused.
        var refusedAtLeast = flood.Count - FileLimit / 2;
        await Poll.UntilAsync(() => Task.FromResult(RefusalsTold(web).Sum() >= refusedAtLeast), TimeSpan.FromSeconds(20),
            $"the host's warnings to count the {refusedAtLeast} or more connections it refused");
        Assert.InRange(RefusalsTold(web).Count(), 1, 3);
    }

    /// <summary>The count each of the host's warnings about refused connections gives.</summary>
    private static IEnumerable<int> RefusalsTold(HostProcess host) =>
        host.Output.Select(line => RefusedWarning().Match(line)).Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Refused (\d+) client connection\(s\)")]
    private static partial Regex RefusedWarning();

    /// <summary>A client that closes its connection after each answer, as the orchestrator's probes do, so that each
    /// request meets the host's cap afresh.</summary>
    private static HttpClient NewConnectionPerRequest(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.ConnectionClose = true;
        return client;
    }

    /// <summary>The answer's status; null for a connection the host closed unanswered.</summary>
    private static async Task<HttpStatusCode?> StatusAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Connections that each send the start of a request and never its end; those the host refuses are dropped.</summary>
    private static async Task<List<Socket>> OpenUnfinishedRequestsAsync(int port, int count)
    {
        var start = Encoding.ASCII.GetBytes("GET /api/v1/availability?service=COVID19&postalCode=H2X1Y4 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        var open = new List<Socket>();
        for (var i = 0; i < count; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync("127.0.0.1", port);
                await socket.SendAsync(start);
                open.Add(socket);
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }
        return open;
    }
}
