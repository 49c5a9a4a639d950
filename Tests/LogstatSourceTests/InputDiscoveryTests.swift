import Foundation
import LogstatSource
import Testing

/// Rotation order, directory expansion, deduplication and the system log search.
@Suite struct InputDiscoveryTests {
  static let rotationCases: [(given: [String], expected: [String])] = [
    // Numbered, compressed and live.
    (["mail.log", "mail.log.1", "mail.log.2.gz", "mail.log.3.gz"],
     ["mail.log.3.gz", "mail.log.2.gz", "mail.log.1", "mail.log"]),
    // Shell glob order puts .10 before .2: numbers compare as numbers.
    (["mail.log", "mail.log.1", "mail.log.10.gz", "mail.log.2.gz", "mail.log.0"],
     ["mail.log.10.gz", "mail.log.2.gz", "mail.log.1", "mail.log.0", "mail.log"]),
    // Dated rotations (logrotate dateext) in date order before the live file.
    (["mail.log", "mail.log-20261122", "mail.log-20261108.gz", "mail.log-20261115.gz"],
     ["mail.log-20261108.gz", "mail.log-20261115.gz", "mail.log-20261122", "mail.log"]),
    (["maillog-2026-11-22", "maillog", "maillog-2026-11-01.gz"],
     ["maillog-2026-11-01.gz", "maillog-2026-11-22", "maillog"]),
    // Mixed bases stay in groups, in order of first appearance.
    (["maillog", "mainlog.1", "main.log", "maillog.1", "mainlog", "main.log.2.gz", "mainlog.2.gz"],
     ["maillog.1", "maillog", "mainlog.2.gz", "mainlog.1", "mainlog", "main.log.2.gz", "main.log"]),
    // Same base in two directories: two groups.
    (["/a/mail.log", "/b/mail.log.1", "/a/mail.log.1", "/b/mail.log"],
     ["/a/mail.log.1", "/a/mail.log", "/b/mail.log.1", "/b/mail.log"]),
    // Old numbered files left from before dateext come first.
    (["mail.log", "mail.log-20261122.gz", "mail.log.1"], ["mail.log.1", "mail.log-20261122.gz", "mail.log"]),
    // A name whose digits belong to it is its own base.
    (["server-01.1", "server-01", "server-02"], ["server-01.1", "server-01", "server-02"]),
    // A dash and a short number is part of the name, not a rotation.
    (["app-2", "app-1", "app"], ["app-2", "app-1", "app"]),
    // Standard input keeps its place.
    (["-", "mail.log", "mail.log.1"], ["-", "mail.log.1", "mail.log"]),
    ([], []),
  ]

  @Test(arguments: rotationCases)
  func rotationOrder(given: [String], expected: [String]) {
    #expect(InputDiscovery.rotationOrder(given) == expected)
  }

  @Test func expandsADirectoryOldestFirstAndSkipsNonLogs() throws {
    let directory = TemporaryDirectory()
    for name in ["mail.log", "mail.log.1", "mail.log.2.gz", "mail.log-20261101.gz", "exim.log"] {
      directory.write("x \(name)\n", to: "logs/\(name)")
    }
    // Left out by name: hidden files, editor backups, systemd journals.
    for name in [".hidden.log", "x.log~", "system.journal", "user-1000@0005-1.journal~"] {
      directory.write("not a log\n", to: "logs/\(name)")
    }
    // Listed for their content to decide (the run skips them as not logs).
    directory.write("1234\n", to: "logs/postfix.pid")
    directory.write("{}\n", to: "logs/report.json")
    // Duplicates of mail.log on Debian: skipped because mail.log is here.
    directory.write("dup\n", to: "logs/mail.err")
    directory.write("dup\n", to: "logs/syslog.1")
    directory.write("inner\n", to: "logs/mx2/mainlog")
    directory.write("inner\n", to: "logs/mx2/mainlog.1")
    directory.write("rejects\n", to: "logs/mx2/rejectlog")
    directory.write("hidden\n", to: "logs/.git/config.log")
    directory.link("logs/mx2/up", to: "..")  // a loop back to logs/
    directory.link("logs/self", to: "self")  // a link to itself
    directory.link("logs/dangling.log", to: "nowhere")
    directory.link("logs/again.log", to: "exim.log")  // same file twice

    let root = directory.path + "/logs"
    let (inputs, errors) = InputDiscovery.expand([root])
    #expect(inputs.map(\.path) == [
      "exim.log", "mail.log.2.gz", "mail.log.1", "mail.log-20261101.gz", "mail.log",
      "postfix.pid", "report.json", "mx2/mainlog.1", "mx2/mainlog",
    ].map { root + "/" + $0 })
    #expect(inputs.allSatisfy { $0.foundInDirectory })
    #expect(!InputDiscovery.expand([root + "/mail.log"]).inputs[0].foundInDirectory)
    #expect(errors.map(\.code).sorted { $0.name < $1.name } == [.symlinkLoop, .symlinkLoop])
    #expect(Set(errors.map(\.path)) == [root + "/self", root + "/mx2/up"])
    #expect(errors.allSatisfy { $0.description.contains("symbolic link loop") })
  }

  @Test func expandsArgumentsInRotationOrderOnceEach() throws {
    let directory = TemporaryDirectory()
    let live = directory.write("live\n", to: "mail.log")
    let old = directory.write("old\n", to: "mail.log.1")
    let exim = directory.write("exim\n", to: "mainlog")
    // As a shell glob gives them, plus the same file under another name and stdin twice.
    let (inputs, errors) = InputDiscovery.expand([live, old, "-", exim, directory.path + "/./mail.log", "-"])
    #expect(errors.isEmpty)
    #expect(inputs.map(\.path) == [old, live, "-", exim])
    #expect(inputs[2].isStandardInput)
  }

  @Test func reportsMissingFilesAndEmptyDirectoriesButKeepsTheRest() throws {
    let directory = TemporaryDirectory()
    let good = directory.write("ok\n", to: "mail.log")
    directory.write("hidden\n", to: "empty/.postfix.pid")
    let missing = directory.path + "/mail.log.7.gz"
    let (inputs, errors) = InputDiscovery.expand([missing, good, directory.path + "/empty"])
    #expect(inputs.map(\.path) == [good])
    #expect(errors.count == 2)
    #expect(errors[0].code == .notFound)
    #expect(errors[0].description == "logstat: \(missing): no such file or directory; check the path.")
    #expect(errors[1].code == .isDirectoryWithoutLogs)
    #expect(errors[1].path == directory.path + "/empty")
  }

  @Test(.enabled(if: geteuid() != 0, "root may read any file"))
  func reportsUnreadableFiles() throws {
    let directory = TemporaryDirectory()
    let locked = directory.write("secret\n", to: "mail.log")
    chmod(locked, 0o000)
    let (inputs, errors) = InputDiscovery.expand([locked])
    #expect(inputs.isEmpty)
    #expect(errors.map(\.code) == [.permissionDenied])
    #expect(errors.first?.description.contains("permission denied") == true)
  }

  @Test func findsSystemMailLogsUnderARoot() throws {
    let root = TemporaryDirectory()
    for name in ["var/log/mail.log", "var/log/mail.log.1", "var/log/mail.log.2.gz", "var/log/syslog",
                 "var/log/mail.err", "var/log/maillog", "var/log/exim4/mainlog", "var/log/exim4/mainlog.1",
                 "var/log/exim4/rejectlog", "var/log/exim/main.log", "var/log/mail.logger.pid"] {
      root.write("x\n", to: name)
    }
    let found = InputDiscovery.systemLogs(root: root.path).map(\.path)
    let base = root.path + "/var/log/"
    #expect(found == [
      "mail.log.2.gz", "mail.log.1", "mail.log", "maillog", "exim4/mainlog.1", "exim4/mainlog", "exim/main.log",
    ].map { base + $0 })
    #expect(InputDiscovery.systemLogs(root: root.path + "/nothing-here").isEmpty)
    let error = InputError.noSystemLogs(root: "/")
    #expect(error.code == .noLogsFound)
    #expect(error.description.hasPrefix("logstat: /var/log: no mail logs found"))
  }
}
