import Foundation
import TestSupport
import Testing

/// gigaplan never replaces or deletes what it did not write: each case is run in a sandbox copy of the
/// test town and checked to exit with its code and message and to leave every file as it was.
@Suite struct OutputSafetyTests {
    /// Runs gigaplan in `dir` and returns its result.
    func gigaplan(_ dir: String, _ arguments: [String]) throws -> Fixtures.ProcessResult {
        try Fixtures.run(Fixtures.gigaplan, arguments, in: dir)
    }

    /// Runs a command that must be refused: exit `status`, `message` on stderr, and the sandbox unchanged.
    func expectRefused(
        _ arguments: [String], status: Int32 = 2, message: String, prepare: (String) throws -> Void = { _ in },
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let dir = Fixtures.sandbox()
        try prepare(dir)
        let before = Fixtures.snapshot(dir)
        let r = try gigaplan(dir, arguments)
        #expect(r.status == status, "\(arguments): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(Fixtures.snapshot(dir) == before, "\(arguments) changed the folder", sourceLocation: sourceLocation)
    }

    @Test func outNamingAnExistingFileIsRefused() throws {
        try expectRefused(
            ["run", "smalltown.yaml", "--out", "notes.txt", "--quiet"], message: "it is an existing file"
        ) { dir in try Data("my notes".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt")) }
    }

    @Test func outNamingTheFolderOfTheInputsIsRefused() throws {
        try expectRefused(
            ["run", "smalltown.yaml", "--out", "smalltown", "--quiet"],
            message: "buildings.geojson, which the run reads")
    }

    @Test func outNamingAnInputFileIsRefused() throws {
        try expectRefused(
            ["run", "smalltown.yaml", "--out", "smalltown/fixed.csv", "--quiet"],
            message: "which the run reads or records to")
    }

    @Test func outNamingTheCurrentFolderIsRefused() throws {
        try expectRefused(["run", "smalltown.yaml", "--out", ".", "--quiet"], message: "it is the current folder")
    }

    @Test func outNamingAnAncestorOfTheCurrentFolderIsRefused() throws {
        try expectRefused(
            ["run", "smalltown.yaml", "--out", "..", "--quiet"], message: "it is an ancestor of the current folder")
        // From a sub folder, the folder holding the scenario is an ancestor too.
        let dir = Fixtures.sandbox()
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        let before = Fixtures.snapshot(dir)
        let r = try gigaplan(dir + "/sub", ["run", "../smalltown.yaml", "--out", "..", "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("ancestor of the current folder"), "\(r.stderr)")
        #expect(Fixtures.snapshot(dir) == before)
    }

    @Test func emptyOutIsRefused() throws {
        try expectRefused(["run", "smalltown.yaml", "--out", "", "--quiet"], message: "no folder is named")
    }

    @Test func outNamingAFolderGigaplanDidNotWriteIsRefused() throws {
        try expectRefused(
            ["run", "smalltown.yaml", "--out", "mine", "--quiet"],
            message: "gigaplan did not write (it has no .gigaplan-output file)"
        ) { dir in
            try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: false)
            try Data("thesis".utf8).write(to: URL(fileURLWithPath: dir + "/mine/thesis.tex"))
        }
    }

    @Test(arguments: ["..", "", "../../x", ".", "a/b"]) func scenarioNameThatIsNotAFolderNameIsRefused(
        _ name: String
    ) throws {
        try expectRefused(["run", "named.yaml", "--quiet"], status: 1, message: "name:") { dir in
            let yaml = "name: \"\(name)\"\ninputs:\n  buildings: smalltown/buildings.geojson\n"
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: dir + "/named.yaml"))
        }
    }

    @Test func storeInsideOutIsRefused() throws {
        try expectRefused(
            ["run", "smalltown.yaml", "--out", "result", "--store", "result/history.sqlite", "--quiet"],
            message: "it holds result/history.sqlite")
    }

    @Test func unwritableStoreFailsBeforeAnyOutput() throws {
        // An existing file that is not a database: the run must stop before writing anything, the file intact.
        try expectRefused(
            ["run", "smalltown.yaml", "--out", "result", "--store", "notes.txt", "--quiet"], message: "notes.txt"
        ) { dir in try Data("not a database".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt")) }
        try expectRefused(
            ["run", "smalltown.yaml", "--out", "result", "--store", "notes.txt/h.sqlite", "--quiet"],
            message: "is a file, not a folder"
        ) { dir in try Data("not a database".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt")) }
    }

    @Test func gigaplanReplacesItsOwnFolderButNeverAFileAddedThere() throws {
        let dir = Fixtures.sandbox()
        let first = try gigaplan(dir, ["run", "smalltown.yaml", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let marker = try String(contentsOfFile: dir + "/out/smalltown/.gigaplan-output", encoding: .utf8)
        #expect(marker.hasPrefix("gigaplan output folder for \"smalltown\""))
        #expect(marker.contains(" summary.json\n") && marker.contains(" gigaplan.gpkg\n"))
        // Its own folder, unchanged: replaced.
        let again = try gigaplan(dir, ["run", "smalltown.yaml", "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        // A file the user added: refused, and the file stays.
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: dir + "/out/smalltown/notes.txt"))
        let added = try gigaplan(dir, ["run", "smalltown.yaml", "--quiet"])
        #expect(added.status == 2)
        #expect(
            added.stderr.contains("notes.txt, which gigaplan did not write there or which was changed since"),
            "\(added.stderr)")
        #expect(FileManager.default.contents(atPath: dir + "/out/smalltown/notes.txt") == Data("my notes".utf8))
        // A file of its own that the user changed: refused too.
        try FileManager.default.removeItem(atPath: dir + "/out/smalltown/notes.txt")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/out/smalltown/report.html"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- my edit -->".utf8))
        try handle.close()
        let changed = try gigaplan(dir, ["run", "smalltown.yaml", "--quiet"])
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("report.html"), "\(changed.stderr)")
    }

    @Test func staleTemporaryFolderOfADeadRunIsRemoved() throws {
        let dir = Fixtures.sandbox()
        // The pid of a process that has ended.
        let ended = try Fixtures.run("/bin/true", [])
        #expect(ended.status == 0)
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/bin/true")
        try probe.run()
        probe.waitUntilExit()
        let dead = probe.processIdentifier
        try FileManager.default.createDirectory(
            atPath: dir + "/out/.smalltown.partial-\(dead)/csv", withIntermediateDirectories: true)
        try Data("gigaplan output folder for \"smalltown\". …\n".utf8).write(
            to: URL(fileURLWithPath: dir + "/out/.smalltown.partial-\(dead)/.gigaplan-output"))
        try Data(count: 1000).write(to: URL(fileURLWithPath: dir + "/out/.smalltown.partial-\(dead)/csv/buildings.csv"))
        // A look-alike folder without the marker is not gigaplan's and stays.
        try FileManager.default.createDirectory(
            atPath: dir + "/out/.thesis.partial-\(dead)", withIntermediateDirectories: true)
        let r = try gigaplan(dir, ["run", "smalltown.yaml", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/out")
        #expect(!left.contains(".smalltown.partial-\(dead)"), "\(left)")
        #expect(left.contains(".thesis.partial-\(dead)"))
        #expect(left.contains("smalltown"))
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP]) func interruptedRunLeavesNothing(_ signal: Int32) throws {
        let dir = Fixtures.sandbox()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixtures.gigaplan)
        process.arguments = ["run", "smalltown.yaml", "--out", "result", "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        var environment = ProcessInfo.processInfo.environment
        environment["GIGAPLAN_PAUSE_BEFORE_COMMIT_MS"] = "20000"
        process.environment = environment
        try process.run()
        // Every writer's last file in place in the temporary folder (each appears whole, by a rename): the
        // run is then in its pause before the commit. The summary alone is written before the layers are.
        let last = [
            "summary.json", "report.html", "map.html", "coverage.tif", "gigaplan.gpkg", "csv/buildings.csv",
            "geojson/buildings.geojson",
        ]
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let partial = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.first {
                $0.contains(".partial-")
            }
            if let partial, last.allSatisfy({ FileManager.default.fileExists(atPath: dir + "/" + partial + "/" + $0) })
            {
                break
            }
            usleep(50_000)
        }
        #expect(Date() < deadline, "the run's files were not all written within 60 s")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!left.contains("result"))
        #expect(!left.contains { $0.contains("partial") || $0.contains("discard") }, "\(left)")
    }

    /// A signal can arrive while a thread holds the allocator's lock: the handler must not allocate.
    /// Interrupts at moments spread over loading, analysis and writing must each end the process
    /// promptly (a handler that allocates hangs there) and leave nothing behind.
    @Test func anInterruptAtAnyMomentEndsTheRunPromptly() throws {
        for delayMs: UInt32 in [150, 400, 700, 1000, 1300, 1600] {
            let dir = Fixtures.sandbox()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Fixtures.gigaplan)
            process.arguments = ["run", "smalltown.yaml", "--out", "result", "--quiet"]
            process.currentDirectoryURL = URL(fileURLWithPath: dir)
            try process.run()
            usleep(delayMs * 1000)
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            let hung = process.isRunning
            if hung { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            #expect(!hung, "still running 30 s after SIGINT at \(delayMs) ms")
            // Finished before the signal (0), interrupted while writing (130), or ended by the default
            // action before any output folder was claimed.
            let byDefault = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT
            #expect(
                [0, 130].contains(process.terminationStatus) || byDefault,
                "exit \(process.terminationStatus) (\(process.terminationReason)) at \(delayMs) ms")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir)
            #expect(!left.contains { $0.contains("partial") || $0.contains("discard") }, "\(left)")
        }
    }

    @Test func reportAndCompareFollowTheSameRule() throws {
        try expectRefused(
            ["report", "smalltown.yaml", "--per", "district", "--out", ".", "--quiet"],
            message: "it is the current folder")
        try expectRefused(
            ["compare", "smalltown.yaml", "smalltown.yaml", "--out", "smalltown", "--quiet"],
            message: "which the run reads")
        let dir = Fixtures.sandbox()
        let r = try gigaplan(dir, ["compare", "smalltown.yaml", "smalltown.yaml", "--out", "cmp", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/cmp/changed_buildings.csv"))
        #expect(FileManager.default.fileExists(atPath: dir + "/cmp/.gigaplan-output"))
    }
}
