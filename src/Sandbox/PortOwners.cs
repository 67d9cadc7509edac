using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CreatorPlatform.Sandbox;

/// <summary>
/// Who listens on a TCP port, on any interface (IPv4 or IPv6), from the kernel's socket tables (<c>/proc/net/tcp</c>,
/// <c>/proc/net/tcp6</c>) and the processes' open files (<c>/proc/&lt;pid&gt;/fd</c>). Where there is no <c>/proc</c>,
/// only a bind on each interface tells whether the port is taken.
/// </summary>
internal static class PortOwners
{
    private const string Listen = "0A";

    /// <summary>The socket inodes listening on <paramref name="port"/>; null where the socket tables cannot be read.</summary>
    public static IReadOnlySet<long>? Listeners(int port)
    {
        string[] tables = ["/proc/net/tcp", "/proc/net/tcp6"];
        if (!tables.Any(File.Exists)) return null;
        var inodes = new HashSet<long>();
        foreach (var table in tables.Where(File.Exists))
        {
            IEnumerable<string> lines;
            try { lines = File.ReadLines(table).Skip(1).ToList(); }
            catch (IOException) { return null; }
            foreach (var line in lines)
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != Listen) continue;
                var local = fields[1];
                if (int.TryParse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var p) && p == port
                    && long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode) && inode != 0)
                    inodes.Add(inode);
            }
        }
        return inodes;
    }

    /// <summary>Whether process <paramref name="pid"/> (or a process it started) holds one of <paramref name="inodes"/>.</summary>
    public static bool Holds(int pid, IReadOnlySet<long> inodes) =>
        Holders(inodes).Any(holder => holder == pid || IsDescendant(holder, pid));

    /// <summary>The processes holding one of <paramref name="inodes"/>, as far as this user may look into them.</summary>
    public static IReadOnlyList<int> Holders(IReadOnlySet<long> inodes)
    {
        var wanted = inodes.Select(i => $"socket:[{i}]").ToHashSet(StringComparer.Ordinal);
        var holders = new List<int>();
        foreach (var dir in SafeDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            foreach (var fd in SafeFiles(Path.Combine(dir, "fd")))
            {
                string? target;
                try { target = new FileInfo(fd).LinkTarget; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                if (target is not null && wanted.Contains(target))
                {
                    holders.Add(pid);
                    break;
                }
            }
        }
        return holders;
    }

    /// <summary>Who listens on the port, for a message: "process 123 (python3)", or "another program" when it cannot be told.</summary>
    public static string Describe(int port)
    {
        var holders = Listeners(port) is { Count: > 0 } inodes ? Holders(inodes) : [];
        return holders.Count == 0 ? "another program" : string.Join(" and ", holders.Select(p => $"process {p}{NameOf(p)}"));
    }

    /// <summary>
    /// Whether a program could listen on <paramref name="port"/>: nothing listens there on any interface, IPv4 or IPv6.
    /// A listener on 0.0.0.0 or [::] takes the port from an emulator that binds every interface, as DynamoDB Local does.
    /// </summary>
    public static bool IsFree(int port)
    {
        if (Listeners(port) is { Count: > 0 }) return false;
        foreach (var address in new[] { IPAddress.Loopback, IPAddress.Any, IPAddress.IPv6Any, IPAddress.IPv6Loopback })
        {
            try
            {
                using var listener = new TcpListener(address, port);
                listener.Start();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse || address.AddressFamily == AddressFamily.InterNetwork)
            {
                return false;
            }
            catch (SocketException)
            {
                // No IPv6 on this machine: nothing can listen there either.
            }
        }
        return true;
    }

    private static string NameOf(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim() is { Length: > 0 } name ? $" ({name})" : ""; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    private static bool IsDescendant(int pid, int ancestor)
    {
        for (var i = 0; i < 32 && pid > 1; i++)
        {
            pid = ParentOf(pid);
            if (pid == ancestor) return true;
        }
        return false;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // stat: pid (comm) state ppid ...; comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }

    private static string[] SafeDirectories(string path)
    {
        try { return Directory.GetDirectories(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    private static string[] SafeFiles(string path)
    {
        try { return Directory.GetFiles(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}
