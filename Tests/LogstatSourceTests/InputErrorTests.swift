import Foundation
import LogstatSource
import Testing

/// Opening errors, and the shape of the user-facing messages.
@Suite struct InputErrorTests {
  @Test func missingFileIsNotFound() {
    do {
      _ = try ChunkReader(InputFile(path: "/nonexistent/mail.log"))
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .notFound)
      #expect(error.path == "/nonexistent/mail.log")
      #expect(error.byteOffset == nil)
      #expect(error.description == "logstat: /nonexistent/mail.log: no such file or directory; check the path.")
    }
  }

  @Test(.enabled(if: geteuid() != 0, "root may read any file"))
  func unreadableFileIsPermissionDenied() {
    let directory = TemporaryDirectory()
    let path = directory.write("secret\n", to: "mail.log")
    chmod(path, 0o000)
    do {
      _ = try ChunkReader(InputFile(path: path))
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .permissionDenied)
      #expect(error.message.hasPrefix("permission denied;"))
    }
  }

  @Test func directoryIsNotAFile() {
    let directory = TemporaryDirectory()
    do {
      _ = try ChunkReader(InputFile(path: directory.path))
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .isDirectory)
    }
  }

  @Test func selfLinkIsALoop() {
    let directory = TemporaryDirectory()
    directory.link("loop.log", to: "loop.log")
    do {
      _ = try ChunkReader(InputFile(path: directory.path + "/loop.log"))
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .symlinkLoop)
    }
  }

  @Test func messagesNameStandardInputInWords() {
    let error = InputError(code: .readFailed, path: "-", byteOffset: 7, message: "read error at byte 7 (x).")
    #expect(error.description == "logstat: standard input: read error at byte 7 (x).")
    #expect(InputError.Code.corruptGzip.description == "corrupt-gzip")
  }
}
