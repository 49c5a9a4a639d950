import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `logstat` command: reads mail logs and reports how outgoing mail is doing.
@main
struct LogstatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logstat",
    abstract: "Reports delivered, deferred, bounced, expired and rejected mail from Postfix and Exim logs.",
    discussion: """
      With no FILE, reads the local mail logs (/var/log/mail.log*, /var/log/maillog*,
      /var/log/exim4/mainlog*, /var/log/exim/main.log*), oldest rotation first;
      when there are none, the systemd journal's mail entries (see --journal).
      Each run adds its days to a history file and raises alerts on sudden
      rises of blocks, bounces and deferrals against the days before
      (see --history, --no-history, --fail-on alerts).
      Exit status: 0 fine, 1 error, 2 report printed but some input could
      not be read, 3 report printed and alerts raised with --fail-on alerts,
      4 report printed and no mail event in the window with --fail-on empty
      (3 wins over 4, 4 over 2), 64 usage error.
      """,
    version: "0.1.0",
    subcommands: [Analyze.self, Explain.self, Trace.self, History.self, Merge.self],
    defaultSubcommand: Analyze.self)

  /// Parses, runs, and maps errors to the documented exit statuses.
  static func main() {
    // A closed pipe (`logstat | head`) must end quietly, not kill us with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    #if canImport(Glibc)
      // Blocks of 64 KiB and more (the growing tables of partial aggregates, chunk buffers)
      // get their own mappings, returned to the system when freed. glibc's default raises
      // that threshold to the largest block freed so far (up to 32 MiB), after which such
      // blocks stay in the heaps of the worker threads: 1 GB log, 2 jobs, peak RSS 93.5 MB
      // before, 78 MB with it (docs/limits.md).
      // `mallopt` is not in the Glibc module (malloc.h); M_MMAP_THRESHOLD is -3 there.
      // Safe because: glibc's `mallopt` has exactly the C signature `int mallopt(int, int)`,
      // looked up in the default namespace (a null handle is RTLD_DEFAULT) before any thread starts.
      typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
      if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
        _ = unsafeBitCast(symbol, to: MallOpt.self)(-3, 64 * 1024)
        // One heap for all threads (M_ARENA_MAX is -8): the workers allocate only per new
        // name, text or table growth, not per line, and what one thread frees the next
        // partial of another reuses. 1 GB, 2 jobs, JSON: 63.1-63.9 MB against 63.7-65.6 MB.
        // Safe because: the same `mallopt` as above, still before any thread starts.
        _ = unsafeBitCast(symbol, to: MallOpt.self)(-8, 1)
      }
    #endif
    if CombinedHelp.isTopLevelRequest(Array(CommandLine.arguments.dropFirst())) {
      print(CombinedHelp.text(), terminator: "")
      Glibc.exit(0)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch ExitCodeQuiet.brokenPipe {
      Glibc.exit(0)
    } catch let error as CLIError {
      printError("logstat: \(error.description)")
      Glibc.exit(1)
    } catch {
      exit(withError: error)
    }
  }
}
