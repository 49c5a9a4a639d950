import ArgumentParser
import LogstatSource

/// `--journal` and `--identifier`: reading the systemd journal, shared by the report and `trace`.
struct JournalOptions: ParsableArguments {
  @Flag(help: "Read the mail entries of the local systemd journal (/var/log/journal, /run/log/journal), besides any FILE.")
  var journal = false

  @Option(
    name: .customLong("identifier"),
    help: ArgumentHelp(
      "Journal input: also read entries with this SYSLOG_IDENTIFIER, besides postfix* and exim* (repeatable).",
      valueName: "name"))
  var identifiers: [String] = []

  /// The root under which the system's logs and journal are looked for (tests).
  @Option(help: .hidden)
  var systemRoot: String = "/"

  /// The inputs for `arguments`: the named ones, plus the system journal with `--journal`;
  /// with neither, the local mail log files, or else the system journal when it holds mail
  /// entries (then `source` says so, for the report header).
  func inputs(_ arguments: [String]) throws -> (files: [InputFile], errors: [InputError], source: String?) {
    var (files, errors) = arguments.isEmpty ? ([], []) : InputDiscovery.expand(arguments)
    if journal {
      let system = Journal.systemJournals(root: systemRoot)
      if system.isEmpty {
        throw CLIError(
          "no systemd journal found in /var/log/journal or /run/log/journal (or it is not readable: run as root or as a member of group adm or systemd-journal)")
      }
      files += system
      return (files, errors, nil)
    }
    guard arguments.isEmpty else { return (files, errors, nil) }
    files = InputDiscovery.systemLogs(root: systemRoot)
    if !files.isEmpty { return (files, errors, nil) }
    let system = Journal.systemJournals(root: systemRoot)
    if !system.isEmpty, Journal.hasMailEntries(system, extra: identifiers) {
      let places = system.map(\.path).joined(separator: ", ")
      return (system, errors, "the systemd journal's mail entries (\(places)): no mail log file was found")
    }
    errors = []
    throw CLIError(
      "no mail logs found: looked for /var/log/mail.log*, /var/log/maillog*, /var/log/exim4/mainlog*, /var/log/exim/main.log*, and for mail entries in the systemd journal. Name the files to read, for example: logstat /var/log/mail.log, or pipe them: journalctl -u postfix -o short | logstat -"
    )
  }
}
