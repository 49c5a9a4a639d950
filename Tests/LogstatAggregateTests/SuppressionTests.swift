import LogstatAggregate
import Testing

/// Feeds lines through scanner, classifier and aggregate, collecting suppression addresses.
private func suppressed(_ lines: [String]) -> Set<String> {
  var a = Aggregate()
  a.collectSuppression = true
  a.add(lines: lines, epoch: 0)
  a.finish()
  return a.hardBouncedAddresses
}

@Suite struct SuppressionTests {
  @Test func onlyHardBouncesOfRemoteMailboxesAreListed() {
    let got = suppressed([
      // A real hard bounce of a remote mailbox: listed.
      "Nov 23 18:57:44 mx postfix/smtp[2987]: 3C4D5E6F7A: to=<gone@remote.example>, relay=mx.remote.example[192.0.2.9]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.1.1, status=bounced (host mx.remote.example[192.0.2.9] said: 550 5.1.1 <gone@remote.example>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command))",
      // The same words on a 4xx deferral: never hard.
      "Nov 23 18:57:45 mx postfix/smtp[2987]: 3C4D5E6F7B: to=<maybe@remote.example>, relay=mx.remote.example[192.0.2.9]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=4.1.1, status=deferred (host mx.remote.example[192.0.2.9] said: 451 4.1.1 <maybe@remote.example>: Recipient not OK (in reply to RCPT TO command))",
      // Our own pipe failed: local-error, never listed.
      "2026-11-23 19:00:01 1abcde-000002-AB ** b1@myhost.example R=ut2 T=ut2: Child process of ut2 transport returned 127 (could mean unable to exec or command does not exist) from command: /non/existent/file",
      // Pseudo-recipients (pipe, file, :blackhole:) and local names, whatever the reason: never listed.
      "2026-11-23 19:00:02 1abcde-000003-AB ** |/usr/bin/false (pipe@myhost.example) <pipe@myhost.example> R=userforward T=address_pipe: 550 5.1.1 User unknown",
      "2026-11-23 19:00:03 1abcde-000004-AB ** /var/mail/nobody (file@myhost.example) <file@myhost.example> R=userforward T=address_file: 550 5.1.1 User unknown",
      "2026-11-23 19:00:04 1abcde-000005-AB ** :blackhole: <hole@myhost.example> R=system_aliases: 550 5.1.1 User unknown",
      "Nov 23 18:57:46 mx postfix/local[2988]: 3C4D5E6F7C: to=<root@myhost.example>, relay=local, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.1.1, status=bounced (unknown user: \"root\")",
      "Nov 23 18:57:47 mx postfix/smtp[2989]: 3C4D5E6F7D: to=<nodomain>, relay=none, delay=0.4, delays=0.1/0/0.1/0.2, dsn=5.1.2, status=bounced (Host or domain name not found. Name service error for name=nodomain type=A: Host not found)",
    ])
    #expect(got == ["gone@remote.example"])
  }
}
