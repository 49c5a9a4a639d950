import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A throwaway PostgreSQL server on 127.0.0.1 for the integration tests: `initdb` into a
/// temporary directory and `pg_ctl start` as `nobody` (the tests run as root; PostgreSQL
/// refuses root), password authentication over TCP, stopped when the test process exits.
final class PostgresServer: Sendable {
  /// User and password of the server's superuser.
  static let user = "logstat"
  static let password = "s3cr3t-Pw_42"

  let bin: String
  let dir: String
  let port: Int

  /// The one server of this test process, or nil when none can be started here (then the
  /// PostgreSQL tests are skipped, saying why).
  static let shared: PostgresServer? = {
    guard let server = try? PostgresServer.start() else { return nil }
    atexit { PostgresServer.shared?.stop() }
    return server
  }()

  /// Why the PostgreSQL tests are skipped.
  static let skipReason: Comment =
    "no PostgreSQL server could be started on 127.0.0.1 (install the Debian package postgresql: /usr/lib/postgresql/*/bin/initdb)"

  private init(bin: String, dir: String, port: Int) {
    self.bin = bin
    self.dir = dir
    self.port = port
  }

  /// `postgres://logstat:PASSWORD@127.0.0.1:PORT/database`.
  func url(_ database: String, password: String = PostgresServer.password) -> String {
    "postgres://\(Self.user):\(password)@127.0.0.1:\(port)/\(database)"
  }

  /// A new empty database named `name`; returns its URL.
  func createDatabase(_ name: String) throws -> String {
    let status = try Self.run(
      bin + "/createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, name],
      environment: ["PGPASSWORD": Self.password])
    guard status == 0 else { throw ServerError.failed("createdb \(name) exited \(status)") }
    return url(name)
  }

  static func start() throws -> PostgresServer {
    let roots = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
    guard let version = roots.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }).first(where: {
      FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
    }) else { throw ServerError.failed("no initdb") }
    let bin = "/usr/lib/postgresql/\(version)/bin"
    let dir = "/tmp/logstat-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    chmod(dir, 0o755)
    let pwfile = dir + "/pw"
    try password.write(toFile: pwfile, atomically: true, encoding: .utf8)
    if getuid() == 0 {
      guard let nobody = getpwnam("nobody") else { throw ServerError.failed("no user nobody") }
      for path in [dir, pwfile] { chown(path, nobody.pointee.pw_uid, nobody.pointee.pw_gid) }
    }
    var status = try runAsServer(
      bin + "/initdb",
      ["-D", dir + "/data", "-U", user, "--pwfile=" + pwfile, "--auth-local=trust",
       "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"])
    guard status == 0 else { throw ServerError.failed("initdb exited \(status)") }
    for _ in 0..<5 {
      let port = try freePort()
      status = try runAsServer(
        bin + "/pg_ctl",
        ["-D", dir + "/data", "-l", dir + "/server.log", "-w", "-t", "60", "start", "-o",
         "-p \(port) -k \(dir) -c listen_addresses=127.0.0.1 -c fsync=off"])
      if status == 0 { return PostgresServer(bin: bin, dir: dir, port: port) }
    }
    try? FileManager.default.removeItem(atPath: dir)
    throw ServerError.failed("pg_ctl start failed")
  }

  /// Stops the server and removes its directory.
  func stop() {
    _ = try? Self.runAsServer(bin + "/pg_ctl", ["-D", dir + "/data", "-m", "immediate", "-w", "stop"])
    try? FileManager.default.removeItem(atPath: dir)
  }

  /// Runs `tool` as `nobody` when we are root (via setpriv), else as ourselves.
  static func runAsServer(_ tool: String, _ arguments: [String]) throws -> Int32 {
    guard getuid() == 0 else { return try run(tool, arguments) }
    return try run(
      "/usr/bin/setpriv",
      ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", tool] + arguments)
  }

  /// Runs `tool` with output discarded; returns its exit status. posix_spawn and waitpid, not
  /// Foundation's Process, which can wait forever for a daemon that `pg_ctl start` leaves.
  static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Int32 {
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    let argv = ([tool] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid = pid_t()
    guard posix_spawn(&pid, tool, &actions, nil, argv, envp) == 0 else {
      throw ServerError.failed("cannot run \(tool)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }

  /// A TCP port on 127.0.0.1 that nothing listens on now.
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ServerError.failed("socket") }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p -> Int32 in
        guard bind(fd, p, len) == 0 else { return -1 }
        return getsockname(fd, p, &len)
      }
    }
    guard bound == 0 else { throw ServerError.failed("bind") }
    return Int(UInt16(bigEndian: addr.sin_port))
  }

  enum ServerError: Error { case failed(String) }
}
