import ArgumentParser
import Foundation
import SIPModel

#if canImport(Glibc)
    import Glibc
#endif

/// `sip-tui install-shared`: the shared mode's installation (see `SharedMode` and the README), printed,
/// or performed and checked when run as root.
struct InstallSharedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-shared",
        abstract: "Install the shared mode: a service group, its directory, the program setgid to it.",
        discussion: """
            Prints the steps; as root (without --print) performs them and checks the result. The program \
            copied is this one, with its resource bundles; build it with \
            `swift build -c release --static-swift-stdlib` so that it needs no runtime library path.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The service group (created as a system group when missing); no person may belong to it.")
    var group: String
    @Option(help: "The database's directory (root:GROUP, mode 2770); the database is DIR/sip.sqlite.")
    var dir: String
    @Option(help: "Where the program is installed (setgid); its configuration goes in PREFIX/etc/sip-tui.")
    var binary = "/usr/local/bin/sip-tui"
    @Flag(name: .customLong("print"), help: "Only print the steps.") var printOnly = false

    /// One step: a command to run, or the configuration to write.
    enum Step {
        case run([String])
        case groupIfMissing(String)
        case write(path: String, text: String)

        var shellText: String {
            switch self {
            case .run(let arguments): return InstallSharedCommand.quote(arguments)
            case .groupIfMissing(let group):
                return "getent group \(InstallSharedCommand.quote([group])) >/dev/null || "
                    + InstallSharedCommand.quote(["groupadd", "--system", group])
            case .write(let path, let text):
                return "cat > \(InstallSharedCommand.quote([path])) <<'EOF'\n\(text)EOF\n"
                    + InstallSharedCommand.quote(["chown", "root:root", path]) + "; "
                    + InstallSharedCommand.quote(["chmod", "0644", path])
            }
        }
    }

    var directory: String { SharedMode.standardized(dir) }
    var installed: String { SharedMode.standardized(binary) }
    var database: String { directory + "/sip.sqlite" }

    func steps(source: String) -> [(title: Catalog.Text, steps: [Step])] {
        let sourceDirectory = (source as NSString).deletingLastPathComponent
        let binaryDirectory = (installed as NSString).deletingLastPathComponent
        let bundles =
            ((try? FileManager.default.contentsOfDirectory(atPath: sourceDirectory)) ?? [])
            .filter { $0.hasSuffix(".resources") }.sorted()
        let configuration = SharedMode.configurationPath(binary: installed)
        var binarySteps: [Step] = [
            .run(["install", "-d", "-o", "root", "-g", "root", "-m", "0755", binaryDirectory]),
            .run(["install", "-o", "root", "-g", group, "-m", "2755", source, installed]),
        ]
        for bundle in bundles {
            let target = binaryDirectory + "/" + bundle
            binarySteps += [
                .run(["rm", "-rf", target]), .run(["cp", "-R", sourceDirectory + "/" + bundle, target]),
                .run(["chown", "-R", "root:root", target]), .run(["chmod", "-R", "u=rwX,go=rX", target]),
            ]
        }
        return [
            (.stepGroup, [.groupIfMissing(group)]),
            (.stepDirectory, [.run(["install", "-d", "-o", "root", "-g", group, "-m", "2770", directory])]),
            (.stepBinary, binarySteps),
            (
                .stepConfiguration,
                [
                    .run([
                        "install", "-d", "-o", "root", "-g", "root", "-m", "0755",
                        (configuration as NSString).deletingLastPathComponent,
                    ]),
                    .write(
                        path: configuration, text: SharedMode.configurationText(group: group, database: database)),
                ]
            ),
            (.stepCheck, [.run([installed, "--help"])]),
        ]
    }

    func run() throws {
        let c = global.catalog
        let source = SharedMode.executablePath()
        let plan = steps(source: source)
        guard !printOnly && getuid() == 0 else {
            if !printOnly { FileHandle.standardError.write(Data(("sip-tui: " + c(.installNeedsRoot) + "\n").utf8)) }
            print("# " + c(.installSteps))
            for (title, steps) in plan {
                print("\n# " + c(title))
                for step in steps { print(step.shellText) }
            }
            if !printOnly { throw ExitCode(1) }
            return
        }
        for (_, steps) in plan {
            for step in steps {
                print(step.shellText)
                if let failure = perform(step) {
                    global.report(failure)
                    throw ExitCode(1)
                }
            }
        }
        var problems = SharedMode.installationProblems(
            group: group, database: database, binary: installed)
        if problems.isEmpty, let entry = getgrnam(group) {
            let shared = SharedMode(
                group: group, groupId: entry.pointee.gr_gid, database: database,
                configuration: SharedMode.configurationPath(binary: installed))
            problems += shared.problems(binary: installed)
        }
        guard problems.isEmpty else {
            problems.forEach(global.report)
            FileHandle.standardError.write(Data(("sip-tui: " + c(.installCheckFailed) + "\n").utf8))
            throw ExitCode(1)
        }
        print(c(.installDone))
    }

    /// Runs one step; the error to report when it fails.
    func perform(_ step: Step) -> SIPError? {
        switch step {
        case .run(let arguments):
            return Self.execute(arguments) == 0 ? nil : .storage(Self.quote(arguments))
        case .groupIfMissing(let group):
            if getgrnam(group) != nil { return nil }
            let arguments = ["groupadd", "--system", group]
            return Self.execute(arguments) == 0 ? nil : .storage(Self.quote(arguments))
        case .write(let path, let text):
            let created = FileManager.default.createFile(
                atPath: path + ".new", contents: Data(text.utf8), attributes: [.posixPermissions: 0o644])
            guard created, chown(path + ".new", 0, 0) == 0, chmod(path + ".new", 0o644) == 0,
                rename(path + ".new", path) == 0
            else { return .directoryNotWritable(path) }
            return nil
        }
    }

    /// Runs a program (found on PATH) with its output on ours; its exit status.
    static func execute(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        // The check's --help goes nowhere: only whether the copy starts counts.
        if arguments.last == "--help" { process.standardOutput = FileHandle.nullDevice }
        do { try process.run() } catch { return 127 }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }

    /// Arguments as one shell line, quoted where needed.
    static func quote(_ arguments: [String]) -> String {
        arguments.map { argument in
            let plain = argument.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-=:+,".contains($0)) }
            return plain && !argument.isEmpty
                ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
